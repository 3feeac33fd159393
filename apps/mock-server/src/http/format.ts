import type { AnyEndpoint } from '@smspartner-kit/schema';
import { encodeXml, type XmlOptions } from '@smspartner-kit/schema';
import { isSuccess, requestFields, type WireBody } from '../core/define-handler.js';

export type ResponseFormat = 'json' | 'xml';

/** `_format=xml` (query string, or JSON body for POSTs) asks for XML; anything else is JSON. */
export function formatOf(...sources: unknown[]): ResponseFormat {
  for (const source of sources) {
    if (typeof source === 'string') return source.toLowerCase() === 'xml' ? 'xml' : 'json';
  }
  return 'json';
}

/**
 * How one endpoint reads the asked format: {@link formatOf}, or always JSON
 * for an endpoint whose page documents no `_format` (its request schema has
 * none: the contact family, sub-account removal). The HTTP mock and the MSW
 * entry both take it from here, so they answer in the same format.
 */
export function endpointFormat(endpoint: AnyEndpoint): (...sources: unknown[]) => ResponseFormat {
  return requestFields(endpoint).has('_format') ? formatOf : () => 'json';
}

/**
 * THE one place that decides the HTTP status of an envelope answer. SMS Partner
 * documents no status for `success: false` bodies, so they travel with the
 * configured `errorHttpStatus` (200 unless the config says otherwise); an
 * answer the HTTP layer itself produced (unknown route, wrong method, body too
 * large), or a code whose catalogue entry documents a status (429 over a rate
 * limit), carries its own status.
 */
export function httpStatusFor(body: WireBody, errorHttpStatus: number, transportStatus?: number): number {
  if (transportStatus !== undefined) return transportStatus;
  return isSuccess(body) ? 200 : errorHttpStatus;
}

/** Serialises an envelope in the asked format. */
export function serialise(
  body: WireBody,
  format: ResponseFormat,
  xml: XmlOptions = {},
): { contentType: string; text: string } {
  if (format === 'xml') {
    return { contentType: 'application/xml; charset=UTF-8', text: encodeXml(body, xml) };
  }
  return { contentType: 'application/json; charset=UTF-8', text: JSON.stringify(body) };
}

import { encodeXml } from '@smspartner-kit/schema';
import type { EnvelopeBody } from './handlers/shared.js';

export type ResponseFormat = 'json' | 'xml';

/** `_format=xml` (query string, or JSON body for POSTs) asks for XML; anything else is JSON. */
export function formatOf(...sources: unknown[]): ResponseFormat {
  for (const source of sources) {
    if (typeof source === 'string') return source.toLowerCase() === 'xml' ? 'xml' : 'json';
  }
  return 'json';
}

/**
 * THE one place that decides the HTTP status of an envelope answer. SMS Partner
 * documents no status for `success: false` bodies, so they travel with the
 * configured `errorHttpStatus` (200 unless the config says otherwise); an
 * answer the HTTP layer itself produced (unknown route, wrong method, body too
 * large) carries its own status.
 */
export function httpStatusFor(body: EnvelopeBody, errorHttpStatus: number, transportStatus?: number): number {
  if (transportStatus !== undefined) return transportStatus;
  return body.success ? 200 : errorHttpStatus;
}

/** Serialises an envelope in the asked format. */
export function serialise(
  body: EnvelopeBody,
  format: ResponseFormat,
  namedKeys?: readonly string[],
): { contentType: string; text: string } {
  if (format === 'xml') {
    return {
      contentType: 'application/xml; charset=UTF-8',
      text: encodeXml(body, namedKeys ? { namedKeys } : {}),
    };
  }
  return { contentType: 'application/json; charset=UTF-8', text: JSON.stringify(body) };
}

const SECRET_PARAMS = /([?&](?:apiKey|apikey|api_key)=)[^&#]*/g;

/** A URL with every API key replaced by `***`, for logs. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1***');
}

/** Edit distance, for "did you mean" on unknown routes. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

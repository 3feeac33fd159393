import {
  decodeXml,
  type EndpointName,
  entriesToJson,
  type RouteOf,
  validationIssue,
  type XmlEntry,
} from '@smspartner-kit/schema';
import type { ResponseFormatPlugin } from './format.js';

/**
 * Gives XML entries their JSON keys. A success body follows the route's
 * response schema (declared in wire order). An error body is positional:
 * `success`, `code`, then either the message (text) or the code-9 list
 * (nested entries of `elementId`, `message`), which the error envelope's key
 * order cannot express, so it is rebuilt here.
 */
function xmlToJson(route: RouteOf<EndpointName>, entries: XmlEntry[]): unknown {
  const [success, code, ...rest] = entries;
  if (success === true || success === 'true') return entriesToJson(route.response, entries);
  const body: Record<string, unknown> = {
    success: success === 'false' ? false : success,
    code: typeof code === 'string' && /^\d+$/.test(code.trim()) ? Number(code) : code,
  };
  for (const entry of rest) {
    if (Array.isArray(entry)) {
      body.errors = entry.map((item) => entriesToJson(validationIssue, item));
    } else if (body.message === undefined) {
      body.message = String(entry);
    }
  }
  return body;
}

/**
 * The XML plug-in: pass it as the `format` option and the client asks for
 * `_format=xml` (with `accept: application/xml`) and decodes SMS Partner's XML
 * answers, with the schema package's codec, into the same typed results and
 * errors as JSON. It is an entry of its own so that apps that stay on JSON do
 * not bundle the codec.
 *
 * @example
 * ```ts
 * import { createSmsPartnerClient } from '@smspartner-kit/client';
 * import { xmlFormat } from '@smspartner-kit/client/xml';
 *
 * const sms = createSmsPartnerClient({ apiKey: 'YOUR_API_KEY', format: xmlFormat });
 * ```
 */
export const xmlFormat: ResponseFormatPlugin = {
  name: 'xml',
  accept: 'application/xml',
  decode: (text, route) => xmlToJson(route, decodeXml(text)),
};

export type { ResponseFormatPlugin } from './format.js';

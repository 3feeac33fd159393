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

const SECRET_NAME = /^api[-_]?key$/i;

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * A URL with every API key replaced by `***`, for logs. Names are compared
 * decoded (`api%4Bey` is `apiKey` to the query parser), and any spelling of
 * the name counts.
 */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const hash = url.indexOf('#', mark);
  const query = url.slice(mark + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return SECRET_NAME.test(decodedName(name)) ? `${name}=***` : pair;
    })
    .join('&');
  return `${url.slice(0, mark + 1)}${redacted}${hash < 0 ? '' : url.slice(hash)}`;
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

/** A request body as read by {@link readBody}. */
export type BodyRead = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body as UTF-8 text, up to `limit` bytes. Lighter than
 * Express's body parsers (the send endpoint's hot path); a body over the limit
 * is drained, not kept, and reported as too large.
 */
export function readBody(request: import('node:http').IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length']);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => {
      if (tooLarge) resolve({ ok: false, reason: 'too-large' });
      else resolve({ ok: true, text: Buffer.concat(chunks, size).toString('utf8') });
    });
    request.on('aborted', () => resolve({ ok: false, reason: 'aborted' }));
    request.on('error', () => resolve({ ok: false, reason: 'aborted' }));
  });
}

import type { IncomingMessage } from 'node:http';
import { transportCodes } from './transport-codes.js';

/** A request body as read by {@link readBody}. */
export type BodyRead = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body as UTF-8 text, up to `limit` bytes. Lighter than
 * Express's body parsers (the send endpoint's hot path); a body over the limit
 * is drained, not kept, and reported as too large.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
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

/** A JSON body read into parameters, or the code-90 message that refuses it. */
export type JsonBody = { ok: true; params: Record<string, unknown> } | { ok: false; message: string };

/**
 * Reads a POST body as the API's JSON object: another content type, text that
 * is not JSON, or JSON that is not an object are code 90 ("Malformed JSON").
 */
export function parseJsonBody(text: string, contentType: string | undefined): JsonBody {
  if (contentType !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    return {
      ok: false,
      message: 'Malformed JSON: the body must be JSON sent with Content-Type: application/json',
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: transportCodes[90].message };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'Malformed JSON: the body must be a JSON object' };
  }
  return { ok: true, params: parsed as Record<string, unknown> };
}

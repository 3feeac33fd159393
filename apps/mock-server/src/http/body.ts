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

/** A POST body read into parameters (with what the mock tolerated), or the code-90 message that refuses it. */
export type ParsedBody =
  | { ok: true; params: Record<string, unknown>; warnings: readonly string[] }
  | { ok: false; message: string };

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i;
const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;
/** Form fields read at most, and bracket levels per name (`a[b][c]`). */
export const FORM_FIELD_LIMIT = 1000;
export const FORM_DEPTH_LIMIT = 5;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property, whatever its name (`__proto__` included): never the prototype. */
function own(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `{ "0": a, "1": b }` → `[a, b]`, deeply: PHP's `list[0]=…&list[1]=…` and `list[]=…` read as lists. */
function listsOf(value: unknown): unknown {
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) own(value, key, listsOf(value[key]));
  const isList = keys.length > 0 && keys.every((key, index) => key === String(index));
  return isList ? keys.map((key) => value[key]) : value;
}

/**
 * Form fields as PHP reads them (SMS Partner runs on PHP): `a=1`, `list[]=x`,
 * `SMSList[0][phoneNumber]=…`; at most {@link FORM_FIELD_LIMIT} fields and
 * {@link FORM_DEPTH_LIMIT} bracket levels (the rest of a deeper name stays one key).
 */
export function parseFormFields(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let count = 0;
  for (const [name, value] of new URLSearchParams(text)) {
    if (++count > FORM_FIELD_LIMIT) break;
    const match = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(name);
    const path = match?.[1]
      ? [match[1], ...[...(match[2] ?? '').matchAll(/\[([^\]]*)\]/g)].map((part) => part[1] as string)]
      : [name];
    const segments = path.length > FORM_DEPTH_LIMIT + 1 ? [name] : path;
    let target = root;
    for (const [index, segment] of segments.entries()) {
      const last = index === segments.length - 1;
      const key = segment === '' ? String(Object.keys(target).length) : segment;
      if (last) own(target, key, value);
      else {
        const next = target[key];
        if (!Object.hasOwn(target, key) || !isObject(next)) own(target, key, {});
        target = target[key] as Record<string, unknown>;
      }
    }
  }
  return listsOf(root) as Record<string, unknown>;
}

/**
 * Reads a POST body. SMS Partner documents JSON, but published clients send
 * JSON under other content types (the Ruby gem: form-urlencoded) and work
 * against production, so a body that is a JSON object is read as one whatever
 * its Content-Type, and a form-urlencoded body that is not JSON as PHP form
 * fields; both with a warning. In strict mode only `application/json` is read.
 * Anything else is code 90 (the docs: HTTP 400).
 */
export function parseBody(text: string, contentType: string | undefined, strict: boolean): ParsedBody {
  const type = contentType?.trim() || undefined;
  const declaredJson = type !== undefined && JSON_TYPE.test(type);
  const declaredForm = type !== undefined && FORM_TYPE.test(type);
  if (strict && !declaredJson) {
    return {
      ok: false,
      message: 'Malformed JSON: the body must be JSON sent with Content-Type: application/json',
    };
  }
  const shown = type === undefined ? 'no Content-Type' : `Content-Type ${type.slice(0, 100)}`;
  let parsed: unknown;
  let isJson = false;
  if (!declaredForm || /^\s*\{/.test(text)) {
    try {
      parsed = JSON.parse(text);
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  if (isJson && isObject(parsed)) {
    const warnings = declaredJson ? [] : [`The body was read as JSON although it came with ${shown}`];
    return { ok: true, params: parsed, warnings };
  }
  if (declaredForm && !isJson) {
    return {
      ok: true,
      params: parseFormFields(text),
      warnings: ['The body was read as form fields: SMS Partner documents JSON bodies'],
    };
  }
  if (isJson) return { ok: false, message: 'Malformed JSON: the body must be a JSON object' };
  return { ok: false, message: transportCodes[90].message };
}

/**
 * A query string's values that are JSON arrays or objects, parsed: how a list
 * such as `SMSStatut_List` travels in the query string of a GET.
 */
export function withJsonValues(params: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) continue;
    try {
      const parsed: unknown = JSON.parse(value);
      copy ??= { ...params };
      copy[key] = parsed;
    } catch {
      // Not JSON: the value stays a string, and the endpoint's schema judges it.
    }
  }
  return copy ?? params;
}

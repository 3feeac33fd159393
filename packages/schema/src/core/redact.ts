/**
 * Keeps API keys out of everything that could be shown: the client's errors
 * and the mock's log lines use this one convention (the key becomes
 * `REDACTED`). The client builds one redactor per client and runs every piece
 * of evidence (URL, body, raw text, ky's errors) through it before it reaches
 * an error.
 */

/** What replaces the API key. */
export const REDACTED = 'REDACTED';

export interface Redactor {
  /** Replaces every spelling of the key in a string (raw, URL-encoded, form-encoded, JSON-escaped). */
  text(value: string): string;
  /** A deep copy of a JSON-like value with the key replaced in every string (keys included). */
  value<T>(value: T): T;
  /** A URL with the `apiKey` query parameter replaced, and any other spelling of the key. */
  url(url: string): string;
  /** Scrubs an error and its `cause` chain in place (message, stack, ky's `request`). */
  error(error: unknown): void;
}

function spellings(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ k: secret }).toString().slice(2),
  ]);
  // JSON inside JSON (a proxy echoing a request body) escapes the key once more at each level.
  let layer = [...forms];
  for (let depth = 0; depth < 3; depth++) {
    layer = layer.map((form) => JSON.stringify(form).slice(1, -1));
    for (const form of layer) forms.add(form);
  }
  // Longest first, so an encoded form is replaced whole before its raw substring.
  return [...forms].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/** A redactor for one key; with no key (proxy mode) only the `apiKey` query parameter is masked. */
export function createRedactor(secret: string | undefined): Redactor {
  const forms = secret ? spellings(secret) : [];
  const text = (value: string): string => {
    let out = value;
    for (const form of forms) out = out.split(form).join(REDACTED);
    return out;
  };
  const deep = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (depth > 20 || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => deep(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[text(key)] = deep(item, depth + 1);
    return out;
  };
  const url = (raw: string): string => {
    // Relative URLs (a proxy path in a browser) still get their query masked.
    const match = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(raw);
    if (!match?.[2]) return text(raw);
    const params = new URLSearchParams(match[2].slice(1));
    if (params.has('apiKey')) params.set('apiKey', REDACTED);
    return text(`${match[1]}?${params.toString()}${match[3] ?? ''}`);
  };
  const error = (value: unknown): void => {
    let current: unknown = value;
    for (let depth = 0; depth < 10 && current instanceof Error; depth++) {
      const target = current;
      try {
        target.message = text(target.message);
        if (typeof target.stack === 'string') target.stack = text(target.stack);
        const request = (target as { request?: unknown }).request;
        if (typeof Request === 'function' && request instanceof Request) {
          // ky's errors keep the Request, whose URL holds the key of a GET.
          let replacement: unknown;
          try {
            replacement = new Request(url(request.url), { method: request.method });
          } catch {
            replacement = { method: request.method, url: url(request.url) };
          }
          Object.defineProperty(target, 'request', {
            value: replacement,
            configurable: true,
            enumerable: true,
            writable: true,
          });
        }
      } catch {
        // A frozen or exotic error: leave it, it never reaches our own messages.
      }
      current = target.cause;
    }
  };
  return { text, value: <T>(value: T) => deep(value, 0) as T, url, error };
}

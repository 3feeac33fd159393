import { UNKNOWN_COUNT_HEADER, UNKNOWN_PARAMS_HEADER, WARNING_HEADER } from './headers.js';
import type { SecretScrubber } from './secrets.js';

/**
 * CORS for frontend teams calling the mock from a dev server on another port.
 * By default any loopback origin (localhost, 127.0.0.1, [::1], any port, http
 * or https) is allowed; `--cors-origin` replaces that with a list, `*` allows
 * every origin, and `false`/an empty list turns CORS off.
 */
export type CorsPolicy = 'loopback' | '*' | readonly string[];

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** The value of Access-Control-Allow-Origin for a request's Origin, or undefined when it is not allowed. */
export function allowedOrigin(policy: CorsPolicy, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (policy === '*') return '*';
  if (policy === 'loopback') return LOOPBACK.test(origin) ? origin : undefined;
  return policy.includes(origin) ? origin : undefined;
}

/** Reads `--cors-origin` values: `loopback`, `*`, `none`, or comma-separated origins. */
export function parseCorsPolicy(values: readonly string[]): CorsPolicy {
  const items = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (items.length === 0 || items.includes('loopback')) return 'loopback';
  if (items.includes('*')) return '*';
  if (items.includes('none')) return [];
  return items.map((item) => item.replace(/\/$/, ''));
}

/** Response headers the browser may read (the unknown-fields report, the warnings). */
export const EXPOSED_HEADERS = [UNKNOWN_PARAMS_HEADER, UNKNOWN_COUNT_HEADER, WARNING_HEADER];

/** Request headers a preflight may ask for and get back: tokens of 64 characters, 32 of them at most. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const ALLOWED_HEADERS_LISTED = 32;

/** The `Access-Control-Allow-Headers` for a preflight: what it asked for, bounded and free of keys. */
export function allowHeadersFor(requested: string | undefined, scrub: Pick<SecretScrubber, 'text'>): string {
  const names = new Map<string, string>();
  for (const name of (requested ?? '').split(',')) {
    const trimmed = name.trim();
    if (names.size >= ALLOWED_HEADERS_LISTED) break;
    if (HEADER_NAME.test(trimmed) && scrub.text(trimmed) === trimmed)
      names.set(trimmed.toLowerCase(), trimmed);
  }
  return names.size === 0 ? 'Content-Type' : [...names.values()].join(', ');
}

/**
 * The CORS middleware, first in the app so that even errors are readable from
 * a browser: `Access-Control-Allow-Origin` for allowed origins, and preflights
 * (OPTIONS with `Access-Control-Request-Method`) answered 204 here.
 */
export function corsMiddleware(policy: CorsPolicy, scrub: Pick<SecretScrubber, 'text'>) {
  return (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
    next: () => void,
  ): void => {
    const origin = allowedOrigin(policy, req.headers.origin);
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
      if (origin !== '*') res.appendHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      if (origin) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
        res.setHeader(
          'Access-Control-Allow-Headers',
          allowHeadersFor(req.headers['access-control-request-headers'], scrub),
        );
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.statusCode = 204;
      res.end();
      return;
    }
    next();
  };
}

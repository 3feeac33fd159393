import { type AnyEndpoint, codesOf, endpoints } from '@smspartner-kit/schema';
import type { Request, Response, Router } from 'express';
import type { Account } from '../state/accounts.js';
import { ANY_ENDPOINT, type FaultInput, faultView } from '../state/faults.js';
import type { Store } from '../state/store.js';

/** Bounds of a fault, so no request can arm one that hangs the mock or never ends. */
export const FAULT_LIMITS = { times: 1_000_000, latencyMs: 60_000, retryAfterSeconds: 86_400 } as const;

const whole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

const FIELDS = new Set([
  'apiKey',
  'endpoint',
  'times',
  'probability',
  'code',
  'httpStatus',
  'retryAfterSeconds',
  'latencyMs',
  'drop',
  'reset',
]);

/**
 * Reads a `POST /__mock/faults` body into a fault, or the reason it is
 * refused. Every field is checked, a typo included, so a fault that would
 * never fire is refused rather than silently armed.
 */
export function readFault(
  input: Record<string, unknown>,
): { ok: true; fault: FaultInput; reset: boolean; clear: boolean } | { ok: false; error: string } {
  const unknown = Object.keys(input).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) {
    return { ok: false, error: `unknown fields: ${unknown.join(', ')} (send ${[...FIELDS].join(', ')})` };
  }
  const { endpoint, times, probability, code, httpStatus, retryAfterSeconds, latencyMs, drop, reset } = input;
  const names = Object.keys(endpoints);
  if (typeof endpoint !== 'string' || (endpoint !== ANY_ENDPOINT && !Object.hasOwn(endpoints, endpoint))) {
    return { ok: false, error: `endpoint must be one of: ${names.join(', ')}, or "*" for every endpoint` };
  }
  if (reset !== undefined && typeof reset !== 'boolean')
    return { ok: false, error: 'reset must be a boolean' };
  // The first form of this route: {"times": 0} clears the endpoint's faults.
  if (times === 0) return { ok: true, fault: { endpoint }, reset: true, clear: true };
  if (times !== undefined && times !== 'always' && !whole(times, 1, FAULT_LIMITS.times)) {
    return { ok: false, error: `times must be a whole number from 1 to ${FAULT_LIMITS.times}, or "always"` };
  }
  if (
    probability !== undefined &&
    (typeof probability !== 'number' || !(probability > 0) || !(probability <= 1))
  ) {
    return { ok: false, error: 'probability must be a number above 0, at most 1' };
  }
  const actions = [code !== undefined, httpStatus !== undefined, drop === true].filter(Boolean).length;
  if (actions > 1) return { ok: false, error: 'Send one of code, httpStatus or drop, not several' };
  if (drop !== undefined && typeof drop !== 'boolean') return { ok: false, error: 'drop must be a boolean' };
  if (httpStatus !== undefined && !whole(httpStatus, 400, 599)) {
    return { ok: false, error: 'httpStatus must be an HTTP error status, 400 to 599' };
  }
  if (retryAfterSeconds !== undefined) {
    if (httpStatus === undefined) return { ok: false, error: 'retryAfterSeconds goes with httpStatus' };
    if (!whole(retryAfterSeconds, 0, FAULT_LIMITS.retryAfterSeconds)) {
      return {
        ok: false,
        error: `retryAfterSeconds must be a whole number from 0 to ${FAULT_LIMITS.retryAfterSeconds}`,
      };
    }
  }
  if (latencyMs !== undefined && !whole(latencyMs, 0, FAULT_LIMITS.latencyMs)) {
    return { ok: false, error: `latencyMs must be a whole number from 0 to ${FAULT_LIMITS.latencyMs}` };
  }
  if (
    endpoint === ANY_ENDPOINT &&
    (code !== undefined || actions + (latencyMs === undefined ? 0 : 1) === 0)
  ) {
    return {
      ok: false,
      error: 'A fault on every endpoint ("*") takes httpStatus, drop or latencyMs: codes differ per endpoint',
    };
  }
  if (endpoint !== ANY_ENDPOINT) {
    const catalogue = (endpoints[endpoint as keyof typeof endpoints] as AnyEndpoint).codes;
    const documented = codesOf(catalogue).filter((documentedCode) => documentedCode !== 200);
    const wanted = code ?? (actions === 0 && latencyMs === undefined ? 500 : undefined);
    if (wanted !== undefined && !(typeof wanted === 'number' && documented.includes(wanted))) {
      return {
        ok: false,
        error:
          code === undefined
            ? `${endpoint} documents no code 500: send code (one of ${documented.join(', ')}), httpStatus, latencyMs or drop`
            : `code must be one of ${endpoint}'s documented codes: ${documented.join(', ')}`,
      };
    }
  }
  const fault: FaultInput = {
    endpoint,
    ...(times === undefined ? {} : { times: times as number | 'always' }),
    ...(probability === undefined ? {} : { probability: probability as number }),
    ...(code === undefined ? {} : { code: code as number }),
    ...(httpStatus === undefined ? {} : { httpStatus: httpStatus as number }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds: retryAfterSeconds as number }),
    ...(latencyMs === undefined ? {} : { latencyMs: latencyMs as number }),
    ...(drop === true ? { drop: true } : {}),
  };
  return { ok: true, fault, reset: reset === true, clear: false };
}

interface Helpers {
  bad(res: Response, error: string): unknown;
  body(req: Request): Record<string, unknown>;
  keyFrom(value: unknown): string | undefined | null;
}

/**
 * `POST /__mock/faults` arms a fault, `GET` lists them (one account's with
 * `apiKey`, else every account's), `DELETE` clears them (all, one account's,
 * one endpoint's or one fault by `id`).
 */
export function mountFaultRoutes(router: Router, store: Store, { bad, body, keyFrom }: Helpers): void {
  const noAccount = (res: Response) => res.status(404).json({ error: 'No such account' });

  router.post('/faults', (req, res) => {
    const input = body(req);
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const read = readFault(input);
    if (!read.ok) return bad(res, read.error);
    const account = store.account(apiKey);
    if (!account) return noAccount(res);
    if (read.clear) {
      const cleared = account.faults.clear({ endpoint: read.fault.endpoint });
      return res.json({ endpoint: read.fault.endpoint, times: 0, cleared });
    }
    const fault = account.faults.add(read.fault, { replace: read.reset });
    res.status(201).json(faultView(account, fault));
  });

  router.get('/faults', (req, res) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const accounts = apiKey === undefined ? allAccounts(store) : [store.account(apiKey)];
    if (accounts[0] === undefined && apiKey !== undefined) return noAccount(res);
    const faults = (accounts as Account[]).flatMap((account) =>
      account.faults.list().map((fault) => faultView(account, fault)),
    );
    res.json({ faults });
  });

  router.delete('/faults', (req, res) => {
    const input = { ...(req.query as Record<string, unknown>), ...body(req) };
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const { endpoint } = input;
    if (endpoint !== undefined && typeof endpoint !== 'string') return bad(res, 'endpoint must be a string');
    const id = typeof input.id === 'string' && /^\d{1,9}$/.test(input.id) ? Number(input.id) : input.id;
    if (id !== undefined && !whole(id, 1, Number.MAX_SAFE_INTEGER)) return bad(res, 'id must be a fault id');
    if (id !== undefined && apiKey === undefined)
      return bad(res, 'id goes with apiKey: fault ids are per account');
    const accounts = apiKey === undefined ? allAccounts(store) : [store.account(apiKey)];
    if (accounts[0] === undefined && apiKey !== undefined) return noAccount(res);
    let cleared = 0;
    for (const account of accounts as Account[]) cleared += account.faults.clear({ endpoint, id });
    res.json({ cleared });
  });
}

function allAccounts(store: Store): Account[] {
  return [...store.apiKeys()].flatMap((key) => store.account(key) ?? []);
}

import type { CodeCatalogue, ValidationIssue } from '@smspartner-kit/schema';
import type { MockConfig } from '../config.js';
import type { AccountState, Store } from '../store.js';

/** What a handler is given besides the request parameters. */
export interface HandlerContext {
  readonly store: Store;
  readonly config: MockConfig;
  /** The caller's IP address, for accounts with an allow-list (code 96). */
  readonly ip?: string | undefined;
}

/** A JSON body in SMS Partner's envelope; the HTTP layer picks the status and the format. */
export type EnvelopeBody = { success: boolean; code: number } & Record<string, unknown>;

/** A pure endpoint handler: request parameters in, envelope out. No Express types. */
export type Handler = (params: Record<string, unknown>, context: HandlerContext) => EnvelopeBody;

/** A failure answer, its message read from the catalogue (the one place it is written). */
export function failure<C extends CodeCatalogue>(catalogue: C, code: keyof C & number): EnvelopeBody {
  return { success: false, code, message: catalogue[code]?.message ?? 'Error' };
}

/** A code-9 answer. The list travels under `error`, as in recorded traffic. */
export function validationFailure(errors: ValidationIssue[]): EnvelopeBody {
  return { success: false, code: 9, error: errors };
}

function normalizeIp(ip: string | undefined): string | undefined {
  return ip?.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/** The key checks alone: no key → 1, unknown key → 10. */
export function identify(
  params: Record<string, unknown>,
  store: Store,
  catalogue: CodeCatalogue,
): { account: AccountState } | { answer: EnvelopeBody } {
  const apiKey = params.apiKey;
  if (apiKey === undefined || apiKey === null || apiKey === '') return { answer: failure(catalogue, 1) };
  const account = typeof apiKey === 'string' ? store.account(apiKey) : undefined;
  if (!account) return { answer: failure(catalogue, 10) };
  return { account };
}

/**
 * Auth comes first on every endpoint: no key → 1, unknown key → 10. Then the
 * account gates, each only where the endpoint's catalogue documents its code
 * (the seed's cancel table lists none of them): IP allow-list → 96, API access
 * off → 40, deactivated → 20, blocked → 30. Then an injected fault (500), when
 * a test asked for one. Only then is the rest of the request looked at, so a
 * caller that fails these learns nothing else.
 */
export function authenticate(
  endpoint: string,
  params: Record<string, unknown>,
  { store, ip }: Pick<HandlerContext, 'store' | 'ip'>,
  catalogue: CodeCatalogue,
): { account: AccountState } | { answer: EnvelopeBody } {
  const identity = identify(params, store, catalogue);
  if ('answer' in identity) return identity;
  const { account } = identity;
  const { settings } = account;
  const gates: [code: number, closed: () => boolean][] = [
    [96, () => settings.allowedIps !== undefined && !settings.allowedIps.includes(normalizeIp(ip) ?? '')],
    [40, () => !settings.apiAccess],
    [20, () => settings.status === 'disabled'],
    [30, () => settings.status === 'blocked'],
    [500, () => account.takeFault(endpoint)],
  ];
  for (const [code, closed] of gates) {
    if (catalogue[code] && closed()) return { answer: failure(catalogue, code) };
  }
  return { account };
}

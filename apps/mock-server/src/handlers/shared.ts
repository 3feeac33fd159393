import type { CodeCatalogue, ValidationIssue } from '@smspartner-kit/schema';
import type { MockConfig } from '../config.js';
import type { AccountState, Store } from '../store.js';

/** What a handler is given besides the request parameters. */
export interface HandlerContext {
  readonly store: Store;
  readonly config: MockConfig;
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

/**
 * Auth comes first on every endpoint: no key → 1, unknown key → 10. Only then
 * is the rest of the request looked at, so a stranger learns nothing about it.
 */
export function authenticate(
  params: Record<string, unknown>,
  store: Store,
  catalogue: { 1: { message: string }; 10: { message: string } },
): { account: AccountState } | { answer: EnvelopeBody } {
  const apiKey = params.apiKey;
  if (apiKey === undefined || apiKey === null || apiKey === '') {
    return { answer: { success: false, code: 1, message: catalogue[1].message } };
  }
  const account = typeof apiKey === 'string' ? store.account(apiKey) : undefined;
  if (!account) return { answer: { success: false, code: 10, message: catalogue[10].message } };
  return { account };
}

/** Thousandths of a euro to the API's number (`0.038`). */
export function milliToAmount(milli: number): number {
  return Number((milli / 1000).toFixed(3));
}

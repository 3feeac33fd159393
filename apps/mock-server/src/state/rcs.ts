import type { RcsFailover, RcsRichContent } from '@smspartner-kit/schema';
import type { Account } from './accounts.js';

/** What an RCS send holds beside its stored message: the content, the fallback and who got which. */
export interface RcsSend {
  readonly messageId: number;
  readonly richContent: RcsRichContent;
  readonly failover: RcsFailover | undefined;
  /** Recipients the RCS message reaches (E.164). */
  readonly rcs: readonly string[];
  /** Recipients sent the SMS fallback instead. */
  readonly fallback: readonly string[];
  /** Recipients reached by neither (no RCS and no fallback). */
  readonly unreached: readonly string[];
}

/** RCS sends kept per account: the oldest go first past this many. */
export const RCS_SENDS_KEPT = 10_000;

/**
 * The RCS content of every account's RCS messages (their money and state
 * live in the message book, under the same id): what `GET /__mock/rcs`
 * shows, and what a suggestion tap will be checked against.
 */
export class RcsBook {
  readonly #sends = new WeakMap<Account, Map<number, RcsSend>>();

  record(account: Account, send: RcsSend): void {
    let kept = this.#sends.get(account);
    if (!kept) {
      kept = new Map();
      this.#sends.set(account, kept);
    }
    kept.set(send.messageId, send);
    if (kept.size > RCS_SENDS_KEPT) kept.delete(kept.keys().next().value as number);
  }

  list(account: Account): RcsSend[] {
    return [...(this.#sends.get(account)?.values() ?? [])];
  }
}

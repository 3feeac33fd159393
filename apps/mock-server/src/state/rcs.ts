import type { RcsFailover, RcsRichContent } from '@smspartner-kit/schema';
import type { Account } from './accounts.js';
import { keepNewest, PerAccount } from './per-account.js';

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
 * shows, and what a suggestion tap (`POST /__mock/replies` with
 * `postbackData`) is checked against.
 */
export class RcsBook {
  readonly #sends = new PerAccount(() => new Map<number, RcsSend>());

  record(account: Account, send: RcsSend): void {
    const kept = this.#sends.of(account);
    kept.set(send.messageId, send);
    keepNewest(kept, RCS_SENDS_KEPT);
  }

  /** One RCS send of the account, by its message id. */
  get(account: Account, messageId: number): RcsSend | undefined {
    return this.#sends.peek(account)?.get(messageId);
  }

  /** The account's latest RCS send that reached `e164` as RCS (not its SMS fallback). */
  latestTo(account: Account, e164: string): RcsSend | undefined {
    let latest: RcsSend | undefined;
    for (const send of this.#sends.peek(account)?.values() ?? []) if (send.rcs.includes(e164)) latest = send;
    return latest;
  }

  list(account: Account): RcsSend[] {
    return [...(this.#sends.peek(account)?.values() ?? [])];
  }
}

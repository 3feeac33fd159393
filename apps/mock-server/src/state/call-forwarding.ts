import { decideForwarding, FORWARDING_OFF, type Forwarding } from '../rules/call-forwarding.js';
import type { Account } from './accounts.js';
import { PerAccount } from './per-account.js';

/**
 * Call forwarding of every account's rented virtual numbers, and the only
 * code that changes it: {@link apply} follows the state machine of
 * `rules/call-forwarding.ts`. Per Account object: an account's reset turns
 * its numbers' forwarding off again.
 */
export class CallForwardingBook {
  readonly #lines = new PerAccount(() => new Map<string, Forwarding>());

  /** How a number (normalised: international without `+`) forwards calls now. */
  of(account: Account, number: string): Forwarding {
    return this.#lines.peek(account)?.get(number) ?? FORWARDING_OFF;
  }

  /** Switches a number to the mode `type` asks for, or answers why it cannot (16, 17, 18). */
  apply(
    account: Account,
    number: string,
    type: 0 | 1 | 2,
    param: string,
  ): { ok: true; forwarding: Forwarding } | { ok: false; code: 16 | 17 | 18 } {
    const decision = decideForwarding(this.of(account, number), type, param);
    if (!decision.ok) return decision;
    this.#lines.of(account).set(number, decision.next);
    return { ok: true, forwarding: decision.next };
  }
}

import type { HlrNotification } from '@smspartner-kit/schema';
import { hlrNotificationFor } from '../rules/hlr.js';
import type { Account } from './accounts.js';
import { PerAccount } from './per-account.js';

/** One HLR request, as the mock keeps it: what it was asked and each number's result. */
export interface HlrCampaign {
  /** `HLR` and a number: the `campaign_id` of the answer. */
  readonly campaignId: string;
  readonly createdAt: number;
  readonly tag: string | undefined;
  /** Where the results go; undefined when none was given (they stay visible here only). */
  readonly notifyUrl: string | undefined;
  /** One notification per number, in the order of the request. */
  readonly results: readonly HlrNotification[];
}

/** Results kept per account: older campaigns go first past this many results. */
export const HLR_RESULTS_KEPT = 10_000;

/**
 * Every account's HLR requests, and the only code that takes HLR credits:
 * {@link verify} records a campaign and debits one credit per number, or
 * refuses and changes nothing. Campaign numbers are unique across accounts.
 */
export class HlrBook {
  #next = 1000;
  readonly #campaigns = new PerAccount((): HlrCampaign[] => []);

  /** Forgets everything (a full reset): numbering from 1000 again. */
  clear(): void {
    this.#next = 1000;
  }

  /**
   * Looks the numbers up ({@link hlrNotificationFor}) and takes one HLR credit
   * per number, atomically: an account without enough credits is refused and
   * nothing changes.
   */
  verify(
    account: Account,
    draft: {
      readonly numbers: readonly { readonly e164: string; readonly country: string | undefined }[];
      readonly tag: string | undefined;
      readonly notifyUrl: string | undefined;
    },
    now: number,
  ): { ok: true; campaign: HlrCampaign } | { ok: false } {
    if (!account.debitHlr(draft.numbers.length)) return { ok: false };
    const number = this.#next++;
    const campaign: HlrCampaign = {
      campaignId: `HLR${number}`,
      createdAt: now,
      tag: draft.tag,
      notifyUrl: draft.notifyUrl,
      results: draft.numbers.map(({ e164, country }, index) =>
        hlrNotificationFor(e164, country, `${number}-${index + 1}`, now),
      ),
    };
    const kept = this.#campaigns.of(account);
    kept.push(campaign);
    let results = kept.reduce((sum, entry) => sum + entry.results.length, 0);
    while (results > HLR_RESULTS_KEPT && kept.length > 1) results -= kept.shift()?.results.length ?? 0;
    return { ok: true, campaign };
  }

  /** An account's campaigns, oldest first. */
  list(account: Account): readonly HlrCampaign[] {
    return this.#campaigns.peek(account) ?? [];
  }
}

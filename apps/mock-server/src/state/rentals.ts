import type { RentalRow } from '@smspartner-kit/schema';
import type { Account } from './accounts.js';
import { keepNewest, PerAccount } from './per-account.js';

/** A contact rental, as the mock keeps it. */
export interface Rental {
  /** The rental's identifier, for GET /v1/location/status. */
  readonly token: string;
  readonly createdAt: number;
  /** The rows rented, with the total row. */
  readonly rows: readonly RentalRow[];
  readonly quantity: number;
  readonly costMicros: number;
  readonly urlNotification: string | undefined;
}

/** Rentals kept per account: the oldest go first past this many. */
export const RENTALS_KEPT = 1000;

/**
 * Every account's contact rentals, and the only code that charges one:
 * {@link rent} debits the money balance as it records, or refuses and
 * changes nothing. Tokens are unique across accounts.
 */
export class RentalBook {
  #next = 1000;
  readonly #rentals = new PerAccount(() => new Map<string, Rental>());

  /** Forgets the numbering (a full reset): tokens from LOC1000 again. */
  clear(): void {
    this.#next = 1000;
  }

  /** Records a rental and debits its cost, atomically: a rental the account cannot afford changes nothing. */
  rent(
    account: Account,
    draft: Omit<Rental, 'token' | 'createdAt'>,
    now: number,
  ): { ok: true; rental: Rental } | { ok: false } {
    if (!account.debit(draft.costMicros)) return { ok: false };
    const rental: Rental = { ...draft, token: `LOC${this.#next++}`, createdAt: now };
    const kept = this.#rentals.of(account);
    kept.set(rental.token, rental);
    keepNewest(kept, RENTALS_KEPT);
    return { ok: true, rental };
  }

  /** One of the account's rentals by token (another account's token is not found). */
  find(account: Account, token: string): Rental | undefined {
    return this.#rentals.peek(account)?.get(token);
  }
}

import type {
  CreateSubaccountResponse,
  ListSubaccountsResponse,
  SubaccountCreditResponse,
} from '@smspartner-kit/schema';

/**
 * The sub-account family's wire quirks, undone (subaccounts.md): balances are
 * decimal strings in the list but numbers in the credit answers, whose keys
 * (`credit`, `subaccountCredit`) do not say whose balance they are; `credit`
 * travels as euros, as a number or a string. Pure functions, not wired into
 * the client yet.
 */

/** The largest amount the mock keeps exact, in euros (MAX_AMOUNT_MICROS). */
const MAX_EUROS = 1_000_000_000;

/**
 * A credit amount as the API takes it: a decimal string of euros, exact to
 * the micro-euro (`0.1 + 0.2` travels as `"0.3"`, not as
 * `0.30000000000000004`, which the mock would refuse). Throws a RangeError
 * for an amount that is not positive, not finite, beyond 1,000,000,000 EUR or
 * finer than a micro-euro (a string with more than six decimals).
 */
export function creditAmount(amount: number | string): string {
  const text =
    typeof amount === 'number' ? (Number.isFinite(amount) ? amount.toFixed(6) : 'x') : amount.trim();
  const match = /^(\d{1,10})(?:\.(\d{1,6}))?$/.exec(text);
  const value = match ? Number(text) : Number.NaN;
  if (!match || !(value > 0) || value > MAX_EUROS) {
    throw new RangeError(
      `A credit must be a positive amount of euros, at most ${MAX_EUROS}, exact to the micro-euro (got ${String(amount)})`,
    );
  }
  const [, units, decimals = ''] = match;
  const trimmed = decimals.replace(/0+$/, '');
  return trimmed === '' ? String(Number(units)) : `${Number(units)}.${trimmed}`;
}

/** A created sub-account. */
export interface CreatedSubaccount {
  email: string;
  /** Its identifier for the delete and credit calls (its API key is in the list only). */
  token: string;
  confirmationSentTo: string;
  parentEmail: string;
}

export function normalizeCreatedSubaccount(result: CreateSubaccountResponse): CreatedSubaccount {
  return {
    email: result.subaccount.email,
    token: result.subaccount.token,
    confirmationSentTo: result.sendConfirmMailTo,
    parentEmail: result.parent_email,
  };
}

/** One sub-account of the list. */
export interface Subaccount {
  id: number;
  token: string;
  email: string;
  type: string;
  /** The sub-account's own API key: treat it as a secret. */
  apiKey: string;
  /** `YYYY-MM-DD HH:MM:SS`. */
  createdAt: string;
  /** A decimal string, as the API writes it ("10.245"). */
  balance: string;
  currency: string;
}

/** One page of the list, in one shape. */
export interface SubaccountPage {
  page: number;
  perPage: number;
  total: number;
  subaccounts: Subaccount[];
}

export function normalizeSubaccountPage(result: ListSubaccountsResponse): SubaccountPage {
  return {
    page: result.page,
    perPage: result.nb_per_page,
    total: result.total,
    subaccounts: result.data.map((entry) => ({
      id: entry.id,
      token: entry.token,
      email: entry.email,
      type: entry.type,
      apiKey: entry.apiKey,
      createdAt: entry.createdAt,
      balance: entry.credits.balance,
      currency: entry.credits.currency,
    })),
  };
}

/** Both balances after a credit move, named for whose they are. */
export interface CreditMove {
  masterBalance: number;
  subaccountBalance: number;
  currency: string;
}

export function normalizeCreditMove(result: SubaccountCreditResponse): CreditMove {
  return {
    masterBalance: result.credit,
    subaccountBalance: result.subaccountCredit,
    currency: result.currency,
  };
}

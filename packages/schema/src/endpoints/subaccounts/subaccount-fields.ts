import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../core/codes.js';
import { successEnvelope } from '../../core/envelope.js';
import { requiredString, responseFormat } from '../../core/fields.js';
import { parseAmount } from '../../rules/money.js';

/**
 * What the sub-account family (subaccounts.md) shares: the euro amounts its
 * credit moves take, the two credit endpoints' request, answer and codes.
 */

/** Sub-account List pages hold 20 sub-accounts [official-legacy][community]. */
export const SUBACCOUNTS_PER_PAGE = 20;

/**
 * An amount in euros, as a JSON number or a numeric string (the samples send
 * `"10"`) [official], read as integer micro-euros: a positive decimal of at
 * most six decimals, up to MAX_AMOUNT_MICROS. Anything else (zero, negative,
 * not a number, finer than a micro-euro) breaks the schema, so the endpoint's
 * "must be greater than 0" code answers it.
 */
export const euroAmount = (message: string) =>
  z.pipe(
    z.pipe(
      z.union([z.number({ error: message }), z.string({ error: message })], { error: message }),
      z.transform((value: number | string) => parseAmount(String(value)) ?? 0),
    ),
    z.int().check(z.positive({ error: message })),
  );

/** The request of both credit moves (add and remove) [official]. */
export const subaccountCreditRequest = z.object({
  apiKey: requiredString('API key is required'),
  credit: euroAmount('Credit to assign must be greater than 0'),
  tokenSubaccount: requiredString('Sub-account identifier is required'),
  _format: responseFormat,
});
export type SubaccountCreditRequest = z.input<typeof subaccountCreditRequest>;

/**
 * The answer of both credit moves [community]: the master's balance after the
 * move (`credit`) and the sub-account's (`subaccountCredit`), as numbers
 * (unlike the list's balances, strings).
 */
export const subaccountCreditResponse = z.object({
  ...successEnvelope.shape,
  credit: z.number(),
  subaccountCredit: z.number(),
  currency: z.string(),
});
export type SubaccountCreditResponse = z.infer<typeof subaccountCreditResponse>;

/**
 * Codes of both credit moves, the pages' own table [official] (the Error
 * Codes page numbers them otherwise; the per-endpoint table wins). 10 for a
 * wrong key is the official one (the community copy says 9).
 */
export const subaccountCreditCodes = {
  1: { message: 'API key is required', source: 'official' },
  2: { message: 'Credit amount is required', source: 'official' },
  3: { message: 'Sub-account identifier is required', source: 'official' },
  4: { message: 'You are not authorized', source: 'official' },
  5: { message: 'Credit to assign must be greater than 0', source: 'official' },
  6: { message: 'Your balance must be greater than 0', source: 'official' },
  7: { message: 'Sub-account does not exist', source: 'official' },
  8: { message: 'Insufficient credit', source: 'official' },
  10: { message: 'Invalid API key', source: 'official' },
} as const satisfies CodeCatalogue;
export type SubaccountCreditCode = keyof typeof subaccountCreditCodes;

/** The field codes of both credit moves, in the order they are checked. */
export const subaccountCreditFieldCodes = {
  apiKey: { missing: 1, invalid: 1 },
  credit: { missing: 2, invalid: 5 },
  tokenSubaccount: { missing: 3, invalid: 7 },
} as const;

import * as z from 'zod/mini';
import { accountGateCodes, authCodes, type CodeCatalogue, rateLimitCodes } from '../../core/codes.js';

/**
 * What the two number verification pages share [official; community]:
 * `phoneNumbers`, international numbers separated by commas, at most 500 per
 * request; 360 requests per minute (HTTP 429 above).
 */

/** `phoneNumbers`: present and not blank (code 2 otherwise). */
export const verificationNumbersField = z
  .string({ error: 'The phone number is required' })
  .check(z.regex(/\S/, { error: 'The phone number is required' }));

/**
 * An optional text field no code refuses (`tag`, `notifyUrl`): a number is
 * read as its text, and anything else that is not a string (an object, a
 * list) is ignored, as the API cannot answer a code for it.
 */
export const optionalText = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((value): string | undefined =>
      typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined,
    ),
  ),
);

/** Numbers per request, on both pages [official]. */
export const MAX_VERIFICATION_NUMBERS = 500;

/** The limit both pages document. */
export const VERIFICATION_RATE_LIMIT = { perMinute: 360 } as const;

/**
 * The codes both endpoints share: the key checks, the IP allow-list (the French
 * copy of the Error Codes page's "Number Verification" table), 2 and 3 of the
 * pages' tables, 50 and 55 of the Error Codes page, and the rate limit. "The
 * numbers must be separated by a comma" is 3 on both pages and 19 on the Error
 * Codes page; the per-endpoint tables win (error-codes.md), so the mock answers 3.
 */
export const verificationCodes = {
  ...authCodes,
  96: accountGateCodes[96],
  2: { message: 'The phone number is required', source: 'official' },
  3: { message: 'The numbers must be separated by a comma', source: 'official' },
  50: { message: 'At most 500 numbers per request', source: 'community' },
  55: { message: 'No number to verify', source: 'community' },
  ...rateLimitCodes,
} as const satisfies CodeCatalogue;

/**
 * Whether an item is written as the verification pages ask: an international
 * number (`+` first), only digits and the usual grouping characters (spaces,
 * dots, hyphens, brackets), nothing around it (the recorded lookup fails
 * `" +212666123456"`). libphonenumber alone would read `+33612345678x`.
 */
export function isInternationalItem(item: string): boolean {
  return /^\+[\d().-](?:[\d\s().-]*[\d)])?$/.test(item);
}

/** Characters that show numbers were separated otherwise than by commas. */
const OTHER_SEPARATOR = /[;|\t\r\n]/;

/** How a `phoneNumbers` field splits into the items the API answers for, or the code that refuses it. */
export type VerificationItems = { ok: true; items: string[] } | { ok: false; code: 3 | 50 | 55 };

/**
 * Splits `phoneNumbers` the way the verification endpoints read it: on
 * commas, items kept exactly as written (the recorded lookup answer echoes
 * `" +212666123456"` with its space), empty or blank items dropped. An item
 * holding another separator (`;`, `|`, a tab, a line break) or two numbers
 * (a second `+`) answers 3; no item left, 55; more than 500 items, 50.
 */
export function splitVerificationNumbers(field: string): VerificationItems {
  const items = field.split(',').filter((item) => item.trim() !== '');
  if (items.some((item) => OTHER_SEPARATOR.test(item) || item.indexOf('+') !== item.lastIndexOf('+')))
    return { ok: false, code: 3 };
  if (items.length === 0) return { ok: false, code: 55 };
  if (items.length > MAX_VERIFICATION_NUMBERS) return { ok: false, code: 50 };
  return { ok: true, items };
}

import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Recipient numbers [official]: French numbers in national (`0600000000`) or
 * international (`+33600000000`) format; other countries in international
 * format only. Validation is libphonenumber-js's, never a hand-written regex.
 */
export type PhoneCheck =
  | { valid: true; e164: string; country: string | undefined }
  | { valid: false; input: string };

const MEMO_LIMIT = 1_000;
let memo: Map<string, PhoneCheck> | undefined;

/**
 * Checks one recipient number and gives its E.164 form. Results are
 * memoised (bounded): parsing with libphonenumber is the costliest step of a
 * send, and the same numbers come back again and again; memoised results also
 * share their E.164 strings, so stored messages do not each keep a copy.
 */
export function checkPhoneNumber(input: string): PhoneCheck {
  memo ??= new Map();
  const known = memo.get(input);
  if (known) return known;
  const result = parsePhoneNumber(input);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(input, result);
  return result;
}

function parsePhoneNumber(input: string): PhoneCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { valid: false, input };
  const international = trimmed.startsWith('+');
  const parsed = parsePhoneNumberFromString(trimmed, international ? undefined : 'FR');
  if (!parsed?.isValid()) return { valid: false, input: trimmed };
  if (!international && parsed.country !== 'FR') return { valid: false, input: trimmed };
  return { valid: true, e164: parsed.number, country: parsed.country };
}

/** Splits the comma-separated `phoneNumbers` field, dropping empty items. */
export function splitPhoneNumbers(field: string): string[] {
  return field
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Recipient numbers [official]: French numbers in national (`0600000000`) or
 * international (`+33600000000`) format; other countries in international
 * format only. Validation is libphonenumber-js's, never a hand-written regex.
 */
export type PhoneCheck =
  | { valid: true; e164: string; country: string | undefined }
  | { valid: false; input: string };

/** Checks one recipient number and gives its E.164 form. */
export function checkPhoneNumber(input: string): PhoneCheck {
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

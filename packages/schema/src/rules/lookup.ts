import { type PhoneNumberType, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isInternationalItem } from '../endpoints/verification/numbers-field.js';

/**
 * The format verification of POST /v1/lookup, with libphonenumber-js's full
 * metadata: the number types need it (the light metadata the client bundles
 * has no types). Only the mock, and apps that import this rule, carry that
 * metadata; the client's bundles never import this module.
 */

/** What a failed item says (the recording's French text, in English as the mock answers). */
export const LOOKUP_INVALID_MESSAGE = 'The phone number is empty or not valid.';

/** libphonenumber's type names, as the API writes them: `Mobile` is documented, the others are ours. */
const TYPE_NAMES: Readonly<Record<PhoneNumberType, string>> = {
  MOBILE: 'Mobile',
  FIXED_LINE: 'Fixed line',
  FIXED_LINE_OR_MOBILE: 'Fixed line or mobile',
  TOLL_FREE: 'Toll free',
  PREMIUM_RATE: 'Premium rate',
  SHARED_COST: 'Shared cost',
  VOIP: 'VoIP',
  PERSONAL_NUMBER: 'Personal number',
  PAGER: 'Pager',
  UAN: 'UAN',
  VOICEMAIL: 'Voicemail',
};

/** One item of a lookup answer: the recorded shape of a readable number, or of one that is not. */
export type LookupResult =
  | {
      request: string;
      success: true;
      countryCode: string;
      prefixCode: number;
      phoneNumber: string;
      type: string;
      network: string;
      format: { e164: string; international: string; national: string; rfc3966: string };
    }
  | { request: string; success: false; message: string };

let regionNames: Intl.DisplayNames | undefined;

/** The English name of a region (`France`), or empty when the number has none (+800, or no ICU data). */
function countryName(region: string | undefined): string {
  if (region === undefined) return '';
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(region) ?? '';
  } catch {
    return '';
  }
}

/**
 * Verifies one item as written. Only an international number
 * ({@link isInternationalItem}) that libphonenumber holds valid passes; the
 * item is not trimmed first (the recorded answer fails `" +212666123456"`, a
 * valid Moroccan mobile written after a space). `network` stays empty: libphonenumber-js has no carrier
 * data. RFC 3966 is written as libphonenumber's reference implementation
 * writes it, the international groups joined by hyphens (`tel:+33-6-12-34-56-78`),
 * as the official sample and the recording show.
 */
export function lookupNumber(request: string): LookupResult {
  const invalid = { request, success: false, message: LOOKUP_INVALID_MESSAGE } as const;
  if (!isInternationalItem(request)) return invalid;
  const parsed = parsePhoneNumberFromString(request);
  if (!parsed?.isValid()) return invalid;
  const type = parsed.getType();
  const international = parsed.formatInternational();
  return {
    request,
    success: true,
    countryCode: countryName(parsed.country),
    prefixCode: Number(parsed.countryCallingCode),
    phoneNumber: parsed.number,
    type: type === undefined ? 'Unknown' : TYPE_NAMES[type],
    network: '',
    format: {
      e164: parsed.number,
      international,
      national: parsed.formatNational(),
      rfc3966: `tel:${international.replace(/[^\d+]+/g, '-')}`,
    },
  };
}

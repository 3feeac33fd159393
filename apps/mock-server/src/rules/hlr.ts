import {
  checkPhoneNumber,
  HLR_ERRORS,
  type HlrError,
  type HlrNotification,
  hlrErrorById,
  isInternationalItem,
} from '@smspartner-kit/schema';

/**
 * What an HLR lookup finds, chosen on purpose by test numbers (as test card
 * numbers do), so every operator error of the Error Codes page's HLR table
 * can be produced:
 *
 * - `+33 6 00 00 NN NN`: the error whose `errorId` is NNNN (e.g.
 *   `+33600000001` → EC_UNKNOWN_SUBSCRIBER, `+33600004104` →
 *   EC_DESTINATION_TXT_FLOODING); an id the table does not list means no error;
 * - `+33 6 00 02 xx xx`: a ported number (`ported: 1`), no error;
 * - any other number: no error, not ported.
 *
 * The test numbers are the project's; the docs give none.
 */
export const HLR_ERROR_PREFIX = '+3360000';
export const HLR_PORTED_PREFIX = '+3360002';

const NO_ERROR = HLR_ERRORS[0] as HlrError;

/** The MCC+MNC the docs' sample shows (a French network); the mock has no network data for other countries. */
export const FRENCH_MCC_MNC = '20815';

/** What the lookup of one number (E.164) finds. */
export function hlrOutcome(e164: string): { error: HlrError; ported: 0 | 1 } {
  const digits = e164.startsWith(HLR_ERROR_PREFIX) ? e164.slice(HLR_ERROR_PREFIX.length) : undefined;
  const error = digits !== undefined && /^\d{4}$/.test(digits) ? hlrErrorById(Number(digits)) : undefined;
  const ported = e164.startsWith(HLR_PORTED_PREFIX) && e164.length === HLR_PORTED_PREFIX.length + 4 ? 1 : 0;
  return { error: error ?? NO_ERROR, ported };
}

/** The test number that produces an error of the table (the inverse of {@link hlrOutcome}). */
export function hlrTestNumber(errorId: number): string {
  return `${HLR_ERROR_PREFIX}${String(errorId).padStart(4, '0')}`;
}

/** The notification's date: ISO 8601 with milliseconds and `+0000`, as the docs' sample writes it. */
export function hlrDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/Z$/, '+0000');
}

/**
 * The payload POSTed to `notifyUrl` for one number, in the documented fields
 * and their order. `messageId` is the campaign's number and the item's rank
 * (`1000-1`): the sample's id format (`1234-12344-1234-1234`) carries no meaning
 * the mock could follow.
 */
export function hlrNotificationFor(
  e164: string,
  country: string | undefined,
  messageId: string,
  now: number,
): HlrNotification {
  const { error, ported } = hlrOutcome(e164);
  return {
    phone: e164,
    messageId,
    mccMnc: country === 'FR' ? FRENCH_MCC_MNC : '',
    ported,
    errorGrpId: error.groupId,
    errorName: error.name,
    errorDesc: error.description,
    date: hlrDate(now),
  };
}

/**
 * The items of a request an HLR lookup can run on: international numbers as
 * written ({@link isInternationalItem}, as the lookup's recording reads
 * them) that libphonenumber holds valid. The others are dropped, not
 * charged and get no result (the docs give no per-number code).
 */
export function hlrNumbers(items: readonly string[]): { e164: string; country: string | undefined }[] {
  return items.flatMap((item) => {
    if (!isInternationalItem(item)) return [];
    const checked = checkPhoneNumber(item);
    return checked.valid ? [{ e164: checked.e164, country: checked.country }] : [];
  });
}

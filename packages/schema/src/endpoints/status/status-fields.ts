import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../core/codes.js';

/**
 * What the status endpoints share. Their answers disagree with each other on
 * purpose (the recorded wire truth): `statut` in single status but `status`
 * in the lists, `messageId` a string in single status and a number in
 * multi-status, `stopSms` a boolean in one place and `"0"` in another,
 * `stopSMS` in bulk status. The schemas below read each as documented and
 * accept the other spelling of a value, so a client never breaks on it.
 */

/**
 * A status `date`: unix seconds as a string in recordings and the list
 * samples, `yyyy-MM-dd HH:mm:ss` in the official single-status sample. Both
 * are accepted; `parseStatusDate` reads either.
 */
export const statusDate = z.string();

/** A delivery status (`Delivered`, `Not delivered`, `Waiting`), read as any string: a new value must not break a client. */
export const deliveryStatusField = z.string();

/** A flag as a boolean (single status, bulk status) or as `"0"`/`"1"` (multi-status). */
export const statusFlag = z.union([z.boolean(), z.enum(['0', '1'])]);

/**
 * The Error Codes page's "Status Retrieval" table [community], which covers
 * message-status, multi-status, bulk-status and bulk-status-by-tag; each
 * endpoint's route takes the codes that apply to its parameters.
 */
export const statusRetrievalCodes = {
  2: { message: 'The phoneNumber field is required', source: 'community' },
  3: { message: 'The MessageId field is required', source: 'community' },
  4: { message: 'This message was not found', source: 'community' },
  5: { message: 'The list of numbers is empty', source: 'community' },
  6: { message: 'The format is not correct', source: 'community' },
  9: { message: 'Does not look like a mobile number', source: 'community' },
  50: { message: 'At most 500 numbers', source: 'community' },
  96: { message: 'IP address not authorised', source: 'community' },
} as const satisfies CodeCatalogue;

/** A message id as a status request takes it: a JSON number or a string of digits (query strings). */
export const statusMessageId = z.union([
  z.int().check(z.positive()),
  z.string().check(z.regex(/^\s*\d{1,15}\s*$/)),
]);

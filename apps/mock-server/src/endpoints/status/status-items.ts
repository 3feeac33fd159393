import { type BulkStatusItem, checkPhoneNumber, formatStatusDate } from '@smspartner-kit/schema';
import { wireStatus } from '../../rules/delivery.js';
import type { StoredMessage } from '../../rules/message-state.js';
import type { Account } from '../../state/accounts.js';
import type { RecipientStatus } from '../../state/messages.js';
import type { Store } from '../../state/store.js';

/**
 * What the status endpoints share: finding a recipient of a message, and
 * writing a recipient's status the way each answer does. Statuses are
 * computed from the account's clock when asked; nothing is stored per read.
 */

/** A message of the account by the id a request gave (a number or digits), or undefined. */
export function messageOf(account: Account, messageId: number | string): StoredMessage | undefined {
  const id = Number(messageId);
  return Number.isSafeInteger(id) ? account.messages.get(id) : undefined;
}

/**
 * One recipient's status, or why there is none: `invalid` (not a phone
 * number) or `unknown` (no such message, or not one of its recipients).
 */
export function findRecipient(
  state: Store,
  account: Account,
  messageId: number | string,
  phoneNumber: string,
  now: number,
): RecipientStatus | 'invalid' | 'unknown' {
  const checked = checkPhoneNumber(phoneNumber);
  if (!checked.valid) return 'invalid';
  const message = messageOf(account, messageId);
  if (!message) return 'unknown';
  const index = state.messages.numbersOf(message).indexOf(checked.e164);
  if (index < 0) return 'unknown';
  return state.messages.recipientStatus(account, message, checked.e164, index, now);
}

/** A recipient as bulk status and status by tag list it: `stopSMS` a boolean, `date` unix seconds. */
export function bulkItem(account: Account, status: RecipientStatus): BulkStatusItem {
  return {
    phoneNumber: status.phoneNumber,
    status: wireStatus(status.state),
    stopSMS: account.stopList.has(status.phoneNumber),
    date: formatStatusDate(status.at),
  };
}

/** Every recipient of a message, at `now`. */
export function recipientsOf(
  state: Store,
  account: Account,
  message: StoredMessage,
  now: number,
): RecipientStatus[] {
  return state.messages
    .numbersOf(message)
    .map((phoneNumber, index) => state.messages.recipientStatus(account, message, phoneNumber, index, now));
}

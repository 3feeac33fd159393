import { type SendBulkSmsResponse, sendBulkSmsRoute } from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';
import { type SendOptions, sendOptions } from './send-options.js';

/** Input of {@link sendBulkSms}: one message per recipient, and the options shared by the batch. */
export interface SendBulkSmsInput extends SendOptions {
  /** Up to 500 items, each a number and its own message. */
  readonly messages: ReadonlyArray<{ readonly phoneNumber: string; readonly message: string }>;
}

/**
 * Sends one message per recipient: `POST /v1/bulk-send` with `SMSList`.
 * One `message_id` covers the batch; `SMSResponse_List` says how each item
 * went (`nbSms`, `cost`, the number in international form). Never retried.
 *
 * @example
 * ```ts
 * const batch = await sendBulkSms(transport, {
 *   messages: [
 *     { phoneNumber: '0600000001', message: 'Hello Ann' },
 *     { phoneNumber: '0600000002', message: 'Hello Bob' },
 *   ],
 * });
 * batch.SMSResponse_List.filter((item) => !item.success);
 * ```
 */
export async function sendBulkSms(
  transport: SmsPartnerTransport,
  input: SendBulkSmsInput,
): Promise<SendBulkSmsResponse> {
  return transport.call(sendBulkSmsRoute, {
    SMSList: input.messages.map(({ phoneNumber, message }) => ({ phoneNumber, message })),
    ...sendOptions(input),
  });
}

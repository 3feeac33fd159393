import { type CancelSmsResponse, cancelSmsRoute } from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';

/** Input of {@link cancelSms}. */
export interface CancelSmsInput {
  /** The `message_id` that `sendSms` answered for the scheduled send. */
  readonly messageId: number | string;
}

/**
 * Cancels a scheduled SMS: `GET /v1/message-cancel?apiKey=…&messageId=…`
 * (the key travels in the query string, as the API documents). SMS Partner
 * refuses within five minutes of the send time (code 6).
 *
 * Resolves with the success body; rejects with `SmsPartnerApiError<CancelSmsCode>`
 * (codes 1, 3, 4, 5, 6, 7, 10, 11), `SmsPartnerNetworkError`,
 * `SmsPartnerTimeoutError` or `SmsPartnerResponseError`. Retried on network
 * errors, 429 and 5xx (see the `retry` option).
 *
 * @example
 * ```ts
 * import { cancelSms, createTransport } from '@smspartner-kit/client';
 *
 * const transport = createTransport({ apiKey: 'YOUR_API_KEY' });
 * const { message } = await cancelSms(transport, { messageId: 300 });
 * ```
 */
export async function cancelSms(
  transport: SmsPartnerTransport,
  input: CancelSmsInput,
): Promise<CancelSmsResponse> {
  return transport.call(cancelSmsRoute, { messageId: input.messageId });
}

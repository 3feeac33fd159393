import { type SendSmsResponse, sendSmsRoute } from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';
import { joinNumbers, type SendOptions, sendOptions } from './send-options.js';

/** Input of {@link sendSms}: the API's fields, in friendlier types. */
export interface SendSmsInput extends SendOptions {
  /** One number or several (joined with commas; 500 at most). National French or international format. */
  readonly phoneNumbers: string | readonly string[];
  /** The text. A `"` must be escaped, as the API documents. */
  readonly message: string;
}

/**
 * Sends one text to one or many recipients, now or at `scheduledAt`:
 * `POST /v1/send` with a JSON body (the key travels in the body). The
 * conversion: numbers joined with commas, `scheduledAt` as Paris
 * `scheduledDeliveryDate`/`time`/`minute`, flags as 1.
 *
 * Resolves with the success body (`message_id`, `nb_sms`, `cost`, `currency`).
 * Rejects with `SmsPartnerScheduleError` before any request when
 * `scheduledAt` cannot be scheduled, then with `SmsPartnerApiError<SendSmsCode>`
 * (e.g. 9 with `errors`, 10 invalid key, 11 no credits), `SmsPartnerNetworkError`,
 * `SmsPartnerTimeoutError` or `SmsPartnerResponseError`. Never retried.
 *
 * @example
 * ```ts
 * import { createTransport, sendSms } from '@smspartner-kit/client';
 *
 * const transport = createTransport({ apiKey: 'YOUR_API_KEY' });
 * const { message_id } = await sendSms(transport, {
 *   phoneNumbers: ['+33600000000', '0611111111'],
 *   message: 'Your appointment is confirmed for tomorrow 9:00',
 *   scheduledAt: new Date('2030-10-21T07:00:00Z'),
 * });
 * ```
 */
export async function sendSms(transport: SmsPartnerTransport, input: SendSmsInput): Promise<SendSmsResponse> {
  return transport.call(sendSmsRoute, {
    phoneNumbers: joinNumbers(input.phoneNumbers),
    message: input.message,
    ...sendOptions(input),
  });
}

import * as z from 'zod/mini';
import { cancelSmsCodes } from '../codes.js';
import { successEnvelope } from '../envelope.js';
import { defineEndpoint } from './define.js';
import { requiredString, responseFormat } from './fields.js';

/** GET /v1/message-cancel, query string [seed]. */
export const cancelSmsRequest = z.object({
  apiKey: requiredString('API key is required'),
  messageId: z.union([z.int().check(z.positive()), z.string().check(z.regex(/^\s*\d+\s*$/))]),
  _format: responseFormat,
});
export type CancelSmsRequest = z.input<typeof cancelSmsRequest>;

/** The success body [seed]. The message text is English or French depending on the account [recorded]. */
export const cancelSmsResponse = z.object({
  ...successEnvelope.shape,
  message: z.string(),
});
export type CancelSmsResponse = z.infer<typeof cancelSmsResponse>;

/** The success message the seed shows. */
export const CANCEL_SUCCESS_MESSAGE = 'The SMS sending has been canceled.';

/**
 * Provider states of the cancel contracts. Parameters travel with the state:
 * `apiKey` always; `messageId` for the message states; `minutesUntilSend`
 * (how far the send time is from the mock's clock) for a scheduled message.
 */
export const cancelSmsStates = [
  'an account with credits',
  'an account without credits',
  'a scheduled message',
  'a cancelled message',
  'a sent message',
] as const;

export const cancelSms = defineEndpoint({
  method: 'GET',
  path: '/v1/message-cancel',
  summary: 'Cancel a scheduled SMS, at the latest five minutes before its send time',
  request: cancelSmsRequest,
  response: cancelSmsResponse,
  codes: cancelSmsCodes,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    messageId: { missing: 3, invalid: 4 },
  },
  states: cancelSmsStates,
  example: {
    request: { apiKey: 'YOUR_API_KEY', messageId: 300 },
    response: { success: true, code: 200, message: CANCEL_SUCCESS_MESSAGE },
  },
});

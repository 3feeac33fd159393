import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { cancelSmsRoute } from './route.js';

/** GET /v1/message-cancel, query string [seed]. */
export const cancelSmsRequest = z.object({
  apiKey: requiredString('API key is required'),
  messageId: z.union([z.int().check(z.positive()), z.string().check(z.regex(/^\s*\d+\s*$/))]),
  _format: responseFormat,
});
export type CancelSmsRequest = z.input<typeof cancelSmsRequest>;

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

/** The registry entry of GET /v1/message-cancel: {@link cancelSmsRoute} plus the request side. */
export const cancelSms = defineEndpoint(cancelSmsRoute, {
  summary: 'Cancel a scheduled SMS, at the latest five minutes before its send time',
  request: cancelSmsRequest,
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

export * from './route.js';

import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

/** The success body [seed]. The message text is English or French depending on the account [recorded]. */
export const cancelSmsResponse = z.object({
  ...successEnvelope.shape,
  message: z.string(),
});
export type CancelSmsResponse = z.infer<typeof cancelSmsResponse>;

/**
 * Codes of GET /v1/message-cancel. The seed lists 1, 3, 4, 5, 6, 10, 11 and no
 * account gate; 7 comes from the community page.
 */
export const cancelSmsCodes = {
  ...authCodes,
  3: { message: 'Message ID is required', source: 'seed' },
  4: { message: 'Message not found', source: 'seed' },
  5: { message: 'The SMS has already been canceled', source: 'seed' },
  6: {
    message: 'It is not possible to cancel an SMS if it is due to be sent within the next 5 minutes',
    source: 'seed',
  },
  7: { message: 'It is not possible to cancel an SMS that has already been sent', source: 'community' },
  11: { message: 'Not enough credits', source: 'seed' },
} as const satisfies CodeCatalogue;
export type CancelSmsCode = keyof typeof cancelSmsCodes;

/** GET /v1/message-cancel: the client's part of the `cancelSms` registry entry. */
export const cancelSmsRoute = defineRoute({
  name: 'cancelSms',
  method: 'GET',
  path: '/v1/message-cancel',
  xml: true,
  response: cancelSmsResponse,
  codes: cancelSmsCodes,
});

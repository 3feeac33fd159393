import * as z from 'zod/mini';
import { cancelSmsCodes } from '../codes.js';
import { defineRoute } from '../endpoints/define.js';
import { successEnvelope } from '../envelope.js';

/** The success body [seed]. The message text is English or French depending on the account [recorded]. */
export const cancelSmsResponse = z.object({
  ...successEnvelope.shape,
  message: z.string(),
});
export type CancelSmsResponse = z.infer<typeof cancelSmsResponse>;

/** GET /v1/message-cancel: the client's part of the `cancelSms` registry entry. */
export const cancelSmsRoute = defineRoute({
  method: 'GET',
  path: '/v1/message-cancel',
  response: cancelSmsResponse,
  codes: cancelSmsCodes,
});

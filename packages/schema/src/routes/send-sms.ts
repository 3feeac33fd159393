import * as z from 'zod/mini';
import { sendSmsCodes } from '../codes.js';
import { defineRoute } from '../endpoints/define.js';
import { messageId } from '../endpoints/fields.js';
import { successEnvelope } from '../envelope.js';

/**
 * The success body, in wire order [community; recorded `send_sms.json`].
 * `scheduledDeliveryDate` (`yyyy-MM-dd HH:mm:ss`, Paris time) is echoed for
 * scheduled sends only [recorded].
 */
export const sendSmsResponse = z.object({
  ...successEnvelope.shape,
  message_id: messageId,
  nb_sms: z.number(),
  cost: z.number(),
  currency: z.string(),
  scheduledDeliveryDate: z.optional(z.string()),
});
export type SendSmsResponse = z.infer<typeof sendSmsResponse>;

/** POST /v1/send: the client's part of the `sendSms` registry entry. */
export const sendSmsRoute = defineRoute({
  method: 'POST',
  path: '/v1/send',
  response: sendSmsResponse,
  codes: sendSmsCodes,
});

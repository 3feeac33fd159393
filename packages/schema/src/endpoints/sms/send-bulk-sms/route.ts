import * as z from 'zod/mini';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { messageId } from '../../../core/fields.js';
import { sendSmsCodes } from '../send-sms/route.js';

/** One item of the answer: `nbSms` here, `nbSMS` at the top (sic) [recorded]. `message` on failed items only (the mock's). */
export const bulkSmsResult = z.object({
  success: z.boolean(),
  code: z.number(),
  nbSms: z.number(),
  cost: z.number(),
  phoneNumber: z.string(),
  message: z.optional(z.string()),
});
export type BulkSmsResult = z.infer<typeof bulkSmsResult>;

/** The success body, in wire order [recorded `send_bulksms.json`]. One `message_id` covers the batch. */
export const sendBulkSmsResponse = z.object({
  ...successEnvelope.shape,
  message_id: messageId,
  currency: z.string(),
  cost: z.number(),
  nbSMS: z.number(),
  SMSResponse_List: z.array(bulkSmsResult),
  scheduledDeliveryDate: z.optional(z.string()),
});
export type SendBulkSmsResponse = z.infer<typeof sendBulkSmsResponse>;

/** POST /v1/bulk-send: the client's part of the `sendBulkSms` registry entry. */
export const sendBulkSmsRoute = defineRoute({
  name: 'sendBulkSms',
  method: 'POST',
  path: '/v1/bulk-send',
  xml: true,
  response: sendBulkSmsResponse,
  codes: sendSmsCodes,
});

import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { messageId } from '../../../core/fields.js';
import { sendSmsCodes } from '../../sms/send-sms/route.js';

/**
 * The success body, in wire order [official]: the count is `nb_rcs` (not
 * `nb_sms`). `scheduledDeliveryDate` is echoed for scheduled (or held) sends,
 * as single sends echo it [recorded for /v1/send; the mock's here].
 */
export const sendRcsResponse = z.object({
  ...successEnvelope.shape,
  message_id: messageId,
  nb_rcs: z.number(),
  cost: z.number(),
  currency: z.string(),
  scheduledDeliveryDate: z.optional(z.string()),
});
export type SendRcsResponse = z.infer<typeof sendRcsResponse>;

/**
 * Codes of POST /v1/rcs/send. The page's error table could not be read; the
 * Error Codes page's "SMS Sending" table names RCS among its endpoints, so
 * RCS answers the send family's codes that apply to it: the key checks and
 * gates, 2 (no numbers), 9 (the list, rich content included), 11, 13, 14,
 * the marketing window (22, 23) and schedule (45–49), 50, 52 (the SMS
 * fallback's parts), 55, 90 (malformed JSON, HTTP 400) and 500. Not the
 * range codes (42, 51: RCS has no range), nor 4, 43, 44 or 992 (no message
 * id, message, sender or virtual number field at the top level).
 */
export const sendRcsCodes = {
  1: sendSmsCodes[1],
  10: sendSmsCodes[10],
  20: sendSmsCodes[20],
  30: sendSmsCodes[30],
  40: sendSmsCodes[40],
  96: sendSmsCodes[96],
  2: sendSmsCodes[2],
  9: sendSmsCodes[9],
  11: sendSmsCodes[11],
  13: sendSmsCodes[13],
  14: sendSmsCodes[14],
  22: sendSmsCodes[22],
  23: sendSmsCodes[23],
  45: sendSmsCodes[45],
  46: sendSmsCodes[46],
  47: sendSmsCodes[47],
  48: sendSmsCodes[48],
  49: sendSmsCodes[49],
  50: sendSmsCodes[50],
  52: sendSmsCodes[52],
  55: sendSmsCodes[55],
  90: sendSmsCodes[90],
  500: sendSmsCodes[500],
} as const satisfies CodeCatalogue;
export type SendRcsCode = keyof typeof sendRcsCodes;

/** POST /v1/rcs/send: the client's part of the `sendRcs` registry entry. */
export const sendRcsRoute = defineRoute({
  name: 'sendRcs',
  method: 'POST',
  path: '/v1/rcs/send',
  response: sendRcsResponse,
  codes: sendRcsCodes,
});

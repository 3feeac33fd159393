import * as z from 'zod/mini';
import { accountGateCodes, authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { messageId } from '../../../core/fields.js';

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

/**
 * Codes of the send family (POST /v1/send and its siblings): the page table
 * plus the Error Codes page's "SMS Sending" table, with the key checks and
 * the account gates.
 */
export const sendSmsCodes = {
  ...authCodes,
  ...accountGateCodes,
  2: { message: 'The phoneNumbers field is required', source: 'official' },
  4: { message: 'Message not found', source: 'official' },
  9: { message: 'At least one constraint was not respected', source: 'official' },
  11: { message: 'Not enough credits', source: 'official' },
  13: { message: 'No default price found for these numbers', source: 'official' },
  14: { message: 'The number is in the STOP SMS list', source: 'official' },
  22: { message: 'SMS Marketing: the sending time must be between 8 AM and 8 PM', source: 'official' },
  23: { message: 'SMS Marketing: no sending on Sundays and public holidays', source: 'official' },
  42: { message: 'A Low Cost SMS is limited to 160 characters', source: 'community' },
  43: { message: 'The message is required', source: 'community' },
  44: { message: 'The sender is invalid', source: 'community' },
  45: { message: 'The date is required', source: 'community' },
  46: { message: 'The time is required', source: 'community' },
  47: { message: 'The minute value is invalid', source: 'community' },
  48: { message: 'Minutes must be between 0 and 55 in steps of 5', source: 'community' },
  49: { message: 'The date is invalid', source: 'community' },
  50: { message: 'At most 500 numbers per request', source: 'community' },
  51: { message: 'The low-cost range is not eligible', source: 'community' },
  52: { message: 'A concatenated SMS cannot exceed 10 parts', source: 'community' },
  55: { message: 'No number to send to', source: 'community' },
  90: { message: 'Malformed JSON: syntax error', source: 'community' },
  500: { message: 'Problem adding the SMS to the queue', source: 'community' },
  992: { message: 'Unauthorized sender', source: 'community' },
} as const satisfies CodeCatalogue;
export type SendSmsCode = keyof typeof sendSmsCodes;

/** POST /v1/send: the client's part of the `sendSms` registry entry. */
export const sendSmsRoute = defineRoute({
  name: 'sendSms',
  method: 'POST',
  path: '/v1/send',
  xml: true,
  response: sendSmsResponse,
  codes: sendSmsCodes,
});

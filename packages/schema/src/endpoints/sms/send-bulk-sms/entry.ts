import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString } from '../../../core/fields.js';
import {
  messageField,
  scheduleRule,
  sendFieldCodes,
  sendOptionsShape,
  sendValidationOrder,
} from '../send-fields.js';
import { sendBulkSmsRoute } from './route.js';

/** One item of `SMSList`: one number, its own message [official]. */
export const bulkSmsItem = z.object({
  phoneNumber: requiredString('The phone number is required'),
  message: messageField,
});
export type BulkSmsItem = z.infer<typeof bulkSmsItem>;

/**
 * POST /v1/bulk-send, JSON body [official; send.md §2]. The items are checked
 * one by one (a bad item fails alone, in the answer's list), so the list is
 * declared loosely here and each item is parsed with `bulkSmsItem`.
 */
export const sendBulkSmsRequest = z
  .object({
    apiKey: requiredString('API key is required'),
    SMSList: z
      .array(z.unknown(), { error: 'SMSList must be a list of {phoneNumber, message}' })
      .check(z.minLength(1, { error: 'The phoneNumbers field is required' })),
    ...sendOptionsShape,
  })
  .check(scheduleRule);
export type SendBulkSmsRequest = z.input<typeof sendBulkSmsRequest>;

/** The registry entry of POST /v1/bulk-send: {@link sendBulkSmsRoute} plus the request side. */
export const sendBulkSms = defineEndpoint(sendBulkSmsRoute, {
  summary: 'Send one message per recipient, up to 500 in one request',
  request: sendBulkSmsRequest,
  validationOrder: sendValidationOrder,
  fieldCodes: {
    apiKey: sendFieldCodes.apiKey,
    sender: sendFieldCodes.sender,
    scheduledDeliveryDate: sendFieldCodes.scheduledDeliveryDate,
    time: sendFieldCodes.time,
    minute: sendFieldCodes.minute,
    SMSList: { missing: 2, byIssue: { too_small: 2 } },
  },
  states: ['an account with credits', 'an account with settings'],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      sender: 'mycompany',
      SMSList: [
        { phoneNumber: '0600000001', message: 'msg 0' },
        { phoneNumber: '0600000002', message: 'msg 1' },
      ],
    },
    response: {
      success: true,
      code: 200,
      message_id: 2254444,
      currency: 'EUR',
      cost: 0.076,
      nbSMS: 2,
      SMSResponse_List: [
        { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33600000001' },
        { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33600000002' },
      ],
    },
  },
});

export * from './route.js';

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
import { sendSmsRoute } from './route.js';

/**
 * POST /v1/send, JSON body [official; send.md §1]. Declared as the wire shape:
 * what a client sends and what the mock validates. Clock-dependent rules (a
 * scheduled date in the past, the marketing window) and account rules
 * (credits, STOP list, Unicode) are not schema rules; the mock applies them.
 */
export const sendSmsRequest = z
  .object({
    apiKey: requiredString('API key is required'),
    phoneNumbers: requiredString('The phoneNumbers field is required'),
    message: messageField,
    ...sendOptionsShape,
  })
  .check(scheduleRule);
export type SendSmsRequest = z.input<typeof sendSmsRequest>;

/** The registry entry of POST /v1/send: {@link sendSmsRoute} plus the request side. */
export const sendSms = defineEndpoint(sendSmsRoute, {
  summary: 'Send one text to one or many recipients, now or scheduled',
  request: sendSmsRequest,
  validationOrder: sendValidationOrder,
  fieldCodes: sendFieldCodes,
  states: [
    'an account with credits',
    'an account without credits',
    'an account with settings',
    'a fault is injected',
  ],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      phoneNumbers: '+33600000000',
      message: 'Your appointment is confirmed for tomorrow 9:00',
      sender: 'MyCompany',
      scheduledDeliveryDate: '21/10/2030',
      time: 9,
      minute: 0,
    },
    response: {
      success: true,
      code: 200,
      message_id: 2270142,
      nb_sms: 1,
      cost: 0.038,
      currency: 'EUR',
      scheduledDeliveryDate: '2030-10-21 09:00:00',
    },
  },
});

export * from './route.js';

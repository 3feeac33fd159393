import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { flag, requiredString, responseFormat } from '../../../core/fields.js';
import { messageField, sendFieldCodes, sendValidationOrder, tagField } from '../send-fields.js';
import { sendVnSmsRoute } from './route.js';

/**
 * POST /v1/vn/send, JSON body [official; send.md §3]: from a rented virtual
 * long number. No sender, range, scheduling or Unicode on this endpoint.
 */
export const sendVnSmsRequest = z.object({
  apiKey: requiredString('API key is required'),
  to: requiredString('The phoneNumbers field is required'),
  from: requiredString('The virtual number (from) is required'),
  message: messageField,
  tag: z.optional(tagField),
  urlResponse: z.optional(z.string()),
  urlDlr: z.optional(z.string()),
  isStopSms: flag('isStopSms'),
  sandbox: flag('sandbox'),
  _format: responseFormat,
});
export type SendVnSmsRequest = z.input<typeof sendVnSmsRequest>;

/** The registry entry of POST /v1/vn/send: {@link sendVnSmsRoute} plus the request side. */
export const sendVnSms = defineEndpoint(sendVnSmsRoute, {
  summary: 'Send from a rented virtual long number',
  request: sendVnSmsRequest,
  validationOrder: sendValidationOrder,
  fieldCodes: { apiKey: sendFieldCodes.apiKey, to: { missing: 2 }, message: sendFieldCodes.message },
  states: ['an account with credits', 'an account with settings'],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      to: '0600000000',
      from: '33700000000',
      message: 'Hello from our line',
    },
    response: { success: true, code: 200, message_id: 307, nb_sms: 1, cost: 0.038, currency: 'EUR' },
  },
});

export * from './route.js';

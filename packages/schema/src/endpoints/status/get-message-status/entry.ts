import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { statusMessageId } from '../status-fields.js';
import { getMessageStatusRoute } from './route.js';

/** GET /v1/message-status, query string [official]. `phoneNumber` national (`06…`) or international. */
export const getMessageStatusRequest = z.object({
  apiKey: requiredString('API key is required'),
  messageId: statusMessageId,
  phoneNumber: requiredString('Phone number is required'),
  _format: responseFormat,
});
export type GetMessageStatusRequest = z.input<typeof getMessageStatusRequest>;

/**
 * Provider states of the status contracts: `apiKey` always; `phoneNumber`
 * (default `+33600000000`) and `status` (a delivery status the message has
 * reached on the mock's clock) for a delivered message.
 */
export const statusStates = [
  'an account with credits',
  'an account with settings',
  'a message with a delivery status',
] as const;

/** The registry entry of GET /v1/message-status: {@link getMessageStatusRoute} plus the request side. */
export const getMessageStatus = defineEndpoint(getMessageStatusRoute, {
  summary: "One recipient's delivery status: Delivered, Not delivered or Waiting",
  request: getMessageStatusRequest,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    messageId: { missing: 3, invalid: 4 },
    phoneNumber: { missing: 2, invalid: 2 },
  },
  states: statusStates,
  example: {
    // The recorded answer's shape (status.json), for a French recipient.
    request: { apiKey: 'YOUR_API_KEY', messageId: 2270142, phoneNumber: '+33600000000' },
    response: {
      success: true,
      code: 200,
      number: '+33600000000',
      messageId: '2270142',
      stopSms: false,
      date: '1534615206',
      statut: 'Delivered',
      cost: 0.038,
      countryCode: 'FR',
      currency: 'EUR',
    },
  },
});

export * from './route.js';

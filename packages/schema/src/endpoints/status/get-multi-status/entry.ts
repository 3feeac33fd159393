import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { statusStates } from '../get-message-status/entry.js';
import { statusMessageId } from '../status-fields.js';
import { getMultiStatusRoute } from './route.js';

/** The most pairs one request may ask about [official]. */
export const MAX_STATUS_PAIRS = 500;

/** One (phoneNumber, messageId) pair; `phoneNumber` international (`+336…`) [official], national accepted. */
export const statusPair = z.object({
  phoneNumber: requiredString('The phoneNumber field is required'),
  messageId: statusMessageId,
});

/**
 * /v1/multi-status, a JSON body [official sample]. `SMSStatut_List` is the
 * name of the official table, samples, legacy page and Go client; the
 * community table's `SMSStatus_List` is a typo (status.md §2).
 */
export const getMultiStatusRequest = z.object({
  apiKey: requiredString('API key is required'),
  SMSStatut_List: z.array(statusPair).check(z.minLength(1), z.maxLength(MAX_STATUS_PAIRS)),
  _format: responseFormat,
});
export type GetMultiStatusRequest = z.input<typeof getMultiStatusRequest>;

/** The registry entry of /v1/multi-status: {@link getMultiStatusRoute} plus the request side. */
export const getMultiStatus = defineEndpoint(getMultiStatusRoute, {
  summary: 'The delivery status of up to 500 (messageId, phoneNumber) pairs',
  request: getMultiStatusRequest,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    SMSStatut_List: {
      missing: 5,
      invalid: 6,
      byIssue: { too_small: 5, too_big: 50 },
      items: { phoneNumber: { missing: 2, invalid: 6 }, messageId: { missing: 3, invalid: 6 } },
    },
  },
  alsoAnswers: { methods: ['GET'] },
  states: statusStates,
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      SMSStatut_List: [
        { phoneNumber: '+33600000000', messageId: 2270142 },
        { phoneNumber: '+33611111111', messageId: 2270110 },
      ],
    },
    response: {
      success: true,
      code: 200,
      StatutResponse_List: [
        {
          success: true,
          code: 200,
          phoneNumber: '+33600000000',
          messageId: 2270142,
          status: 'Delivered',
          date: '1534615206',
          stopSms: '0',
          isSpam: '0',
        },
        {
          success: false,
          code: 4,
          phoneNumber: '+33611111111',
          messageId: 2270110,
          status: 'Number not found',
        },
      ],
    },
  },
});

export * from './route.js';

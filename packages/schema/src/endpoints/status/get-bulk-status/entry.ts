import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { statusStates } from '../get-message-status/entry.js';
import { statusMessageId } from '../status-fields.js';
import { getBulkStatusRoute } from './route.js';

/** GET /v1/bulk-status, query string [official]. No `_format` is listed; it is honoured as everywhere. */
export const getBulkStatusRequest = z.object({
  apiKey: requiredString('API key is required'),
  messageId: statusMessageId,
  _format: responseFormat,
});
export type GetBulkStatusRequest = z.input<typeof getBulkStatusRequest>;

/** The registry entry of GET /v1/bulk-status: {@link getBulkStatusRoute} plus the request side. */
export const getBulkStatus = defineEndpoint(getBulkStatusRoute, {
  summary: 'The delivery status of every recipient of one message',
  request: getBulkStatusRequest,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    messageId: { missing: 3, invalid: 4 },
  },
  states: statusStates,
  example: {
    request: { apiKey: 'YOUR_API_KEY', messageId: 2270142 },
    response: {
      success: true,
      code: 200,
      message_id: '2270142',
      StatutResponse_List: [
        { phoneNumber: '+33600000000', status: 'Delivered', stopSMS: false, date: '1534615206' },
      ],
    },
  },
});

export * from './route.js';

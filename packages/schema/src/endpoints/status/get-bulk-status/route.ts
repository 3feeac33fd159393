import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { deliveryStatusField, statusDate, statusFlag, statusRetrievalCodes } from '../status-fields.js';

/**
 * One recipient in bulk status and status by tag [official; recorded
 * `bulk_status.json`]: no success/code per item, and the flag is `stopSMS`
 * (capital SMS, a boolean), unlike multi-status's `stopSms` string.
 */
export const bulkStatusItem = z.object({
  phoneNumber: z.string(),
  status: deliveryStatusField,
  stopSMS: statusFlag,
  date: statusDate,
});
export type BulkStatusItem = z.infer<typeof bulkStatusItem>;

/** The success body, in wire order: `message_id` is a string here [official][recorded]. */
export const getBulkStatusResponse = z.object({
  ...successEnvelope.shape,
  message_id: z.union([z.string(), z.int()]),
  StatutResponse_List: z.array(bulkStatusItem),
});
export type GetBulkStatusResponse = z.infer<typeof getBulkStatusResponse>;

/** Codes of GET /v1/bulk-status: the page's 1, 3, 4, 10 [official], and 96 from the Status Retrieval table. */
export const getBulkStatusCodes = {
  ...authCodes,
  3: { message: 'Message ID is required', source: 'official' },
  4: { message: 'Message not found', source: 'official' },
  96: statusRetrievalCodes[96],
} as const satisfies CodeCatalogue;
export type GetBulkStatusCode = keyof typeof getBulkStatusCodes;

/** GET /v1/bulk-status: the client's part of the `getBulkStatus` registry entry. */
export const getBulkStatusRoute = defineRoute({
  name: 'getBulkStatus',
  method: 'GET',
  path: '/v1/bulk-status',
  xml: true,
  response: getBulkStatusResponse,
  codes: getBulkStatusCodes,
});

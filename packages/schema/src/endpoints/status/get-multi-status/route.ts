import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { deliveryStatusField, statusDate, statusFlag, statusRetrievalCodes } from '../status-fields.js';

/**
 * One item of the answer [official; recorded `multi_status.json`]: `messageId`
 * an integer here, `stopSms`/`isSpam` the strings `"0"`/`"1"`. An unknown
 * (messageId, phoneNumber) pair is `success: false, code: 4` with `status:
 * "Number not found"` (`Numéro introuvable` in recorded French traffic) and
 * no date or flags.
 */
export const multiStatusItem = z.object({
  success: z.boolean(),
  code: z.number(),
  phoneNumber: z.string(),
  messageId: z.union([z.int(), z.string()]),
  status: deliveryStatusField,
  date: z.optional(statusDate),
  stopSms: z.optional(statusFlag),
  isSpam: z.optional(statusFlag),
});
export type MultiStatusItem = z.infer<typeof multiStatusItem>;

/** The success body, in wire order: a not-found item still answers top-level `success: true`. */
export const getMultiStatusResponse = z.object({
  ...successEnvelope.shape,
  StatutResponse_List: z.array(multiStatusItem),
});
export type GetMultiStatusResponse = z.infer<typeof getMultiStatusResponse>;

/**
 * Codes of /v1/multi-status: the page's 1, 4 (per item) and 10 [official],
 * plus the Error Codes page's "Status Retrieval" table: 2 and 3 (an item
 * without its number or id), 5 (no list, or an empty one), 6 (not a list of
 * pairs), 9 (not a mobile number), 50 (over 500 pairs), 96 (IP allow-list).
 */
export const getMultiStatusCodes = {
  ...authCodes,
  ...statusRetrievalCodes,
  4: { message: 'Number not found', source: 'official' },
} as const satisfies CodeCatalogue;
export type GetMultiStatusCode = keyof typeof getMultiStatusCodes;

/**
 * POST /v1/multi-status: the client's part of the `getMultiStatus` registry
 * entry. The official page's header says GET, its sample, the legacy page,
 * the community page and the Go client POST a JSON body: the client POSTs,
 * the mock answers both (status.md §2).
 */
export const getMultiStatusRoute = defineRoute({
  name: 'getMultiStatus',
  method: 'POST',
  path: '/v1/multi-status',
  xml: true,
  response: getMultiStatusResponse,
  codes: getMultiStatusCodes,
});

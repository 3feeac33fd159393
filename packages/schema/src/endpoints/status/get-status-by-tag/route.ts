import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { bulkStatusItem } from '../get-bulk-status/route.js';
import { statusRetrievalCodes } from '../status-fields.js';

/**
 * The success body, in wire order [community; the official block was not
 * readable]: a page of recipients (`currentPage`), `total` the number of
 * recipients sent with the tag, items as in bulk status.
 */
export const getStatusByTagResponse = z.object({
  ...successEnvelope.shape,
  currentPage: z.int(),
  total: z.int(),
  StatutResponse_List: z.array(bulkStatusItem),
});
export type GetStatusByTagResponse = z.infer<typeof getStatusByTagResponse>;

/**
 * Codes of GET /v1/bulk-status-by-tag [community]: its table is a copy of
 * bulk status's, so 3 stands for a missing tag and 4 for a tag no message
 * carries; 96 from the Status Retrieval table.
 */
export const getStatusByTagCodes = {
  ...authCodes,
  3: { message: 'The tag is required', source: 'community' },
  4: { message: 'Message not found', source: 'community' },
  96: statusRetrievalCodes[96],
} as const satisfies CodeCatalogue;
export type GetStatusByTagCode = keyof typeof getStatusByTagCodes;

/** GET /v1/bulk-status-by-tag: the client's part of the `getStatusByTag` registry entry. */
export const getStatusByTagRoute = defineRoute({
  name: 'getStatusByTag',
  method: 'GET',
  path: '/v1/bulk-status-by-tag',
  xml: true,
  response: getStatusByTagResponse,
  codes: getStatusByTagCodes,
});

import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { statusStates } from '../get-message-status/entry.js';
import { getStatusByTagRoute } from './route.js';

/** Recipients per page of status by tag (undocumented: the mock's choice). */
export const STATUS_BY_TAG_PAGE_SIZE = 100;

/**
 * GET /v1/bulk-status-by-tag, query string [official]. The answer is paged
 * (`currentPage`) but no page parameter is documented: `page` (1 by default)
 * is this project's guess, and any value that is not a page number reads as 1.
 */
export const getStatusByTagRequest = z.object({
  apiKey: requiredString('API key is required'),
  tag: requiredString('The tag is required'),
  page: z.optional(
    z.pipe(
      z.unknown(),
      z.transform((value): number => {
        const page =
          typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
        return Number.isSafeInteger(page) && page >= 1 ? page : 1;
      }),
    ),
  ),
  _format: responseFormat,
});
export type GetStatusByTagRequest = z.input<typeof getStatusByTagRequest>;

/** The registry entry of GET /v1/bulk-status-by-tag: {@link getStatusByTagRoute} plus the request side. */
export const getStatusByTag = defineEndpoint(getStatusByTagRoute, {
  summary: 'The delivery status of every recipient of the messages sent with a tag, a page at a time',
  request: getStatusByTagRequest,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    tag: { missing: 3, invalid: 3 },
  },
  states: statusStates,
  example: {
    request: { apiKey: 'YOUR_API_KEY', tag: 'montag' },
    response: {
      success: true,
      code: 200,
      currentPage: 1,
      total: 2,
      StatutResponse_List: [
        { phoneNumber: '+33600000000', status: 'Delivered', stopSMS: false, date: '1517989111' },
        { phoneNumber: '+33611111111', status: 'Delivered', stopSMS: false, date: '1517989101' },
      ],
    },
  },
});

export * from './route.js';

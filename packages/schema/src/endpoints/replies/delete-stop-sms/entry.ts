import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { stopListStates } from '../list-stop-sms/entry.js';
import { deleteStopSmsRoute } from './route.js';

/**
 * GET /v1/stop-sms/delete, query string [community][go-client]: the `id` of
 * the entry (Stop List's `id`, Add's `stopId`). `phoneNumber` instead of `id`
 * is the mock's extension (see the codes).
 */
export const deleteStopSmsRequest = z.object({
  apiKey: requiredString('API key is required'),
  id: z.optional(z.union([z.int(), z.string()])),
  phoneNumber: z.optional(z.string()),
  _format: responseFormat,
});
export type DeleteStopSmsRequest = z.input<typeof deleteStopSmsRequest>;

/** The registry entry of GET /v1/stop-sms/delete: {@link deleteStopSmsRoute} plus the request side. */
export const deleteStopSms = defineEndpoint(deleteStopSmsRoute, {
  summary: 'Removes a number from the STOP list, by its entry id',
  request: deleteStopSmsRequest,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    id: { invalid: 4 },
    phoneNumber: { invalid: 2 },
  },
  states: stopListStates,
  example: {
    request: { apiKey: 'YOUR_API_KEY', id: 300 },
    response: { success: true, code: 200 },
  },
});

export * from './route.js';

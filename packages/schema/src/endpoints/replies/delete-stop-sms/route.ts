import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

/** The success body [community]. */
export const deleteStopSmsResponse = z.object({ ...successEnvelope.shape });
export type DeleteStopSmsResponse = z.infer<typeof deleteStopSmsResponse>;

/**
 * Codes of GET /v1/stop-sms/delete [community][official-legacy]. The table
 * lists 2 (phone number required) though the endpoint takes an `id`: the
 * mock also takes a `phoneNumber` instead of the `id` (a decision), and
 * answers 2 when that is the empty one.
 */
export const deleteStopSmsCodes = {
  ...authCodes,
  2: { message: 'Phone number is required', source: 'community' },
  3: { message: 'The ID is required', source: 'community' },
  4: { message: 'The ID cannot be found', source: 'community' },
} as const satisfies CodeCatalogue;
export type DeleteStopSmsCode = keyof typeof deleteStopSmsCodes;

/**
 * GET /v1/stop-sms/delete: the client's part of the `deleteStopSms` registry
 * entry. GET with a query string, as the community page and the Go client do
 * (the legacy page's `POST /v1/stop-sms/add` header is a copy error).
 */
export const deleteStopSmsRoute = defineRoute({
  name: 'deleteStopSms',
  method: 'GET',
  path: '/v1/stop-sms/delete',
  xml: true,
  response: deleteStopSmsResponse,
  codes: deleteStopSmsCodes,
});

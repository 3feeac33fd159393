import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

/**
 * The success body [official]. As published it lacks the comma after `200`
 * (invalid JSON); the intended body is `{success, code, stopId}`, `stopId`
 * the entry's `id` in the STOP list.
 */
export const addStopSmsResponse = z.object({
  ...successEnvelope.shape,
  stopId: z.int(),
});
export type AddStopSmsResponse = z.infer<typeof addStopSmsResponse>;

/**
 * Codes of POST /v1/stop-sms/add [official]: 3 is "already in the STOP list"
 * (the community copy's "Message ID is required" is a copy error). 500 is
 * the mock's own, for a STOP list at the mock's memory bound.
 */
export const addStopSmsCodes = {
  ...authCodes,
  2: { message: 'Phone number is required', source: 'official' },
  3: { message: 'The number is already in the STOP list', source: 'official' },
  9: { message: 'Invalid phone number', source: 'official' },
  500: { message: 'The STOP list is full (a bound of this mock)', source: 'mock' },
} as const satisfies CodeCatalogue;
export type AddStopSmsCode = keyof typeof addStopSmsCodes;

/** POST /v1/stop-sms/add: the client's part of the `addStopSms` registry entry. */
export const addStopSmsRoute = defineRoute({
  name: 'addStopSms',
  method: 'POST',
  path: '/v1/stop-sms/add',
  xml: true,
  response: addStopSmsResponse,
  codes: addStopSmsCodes,
});

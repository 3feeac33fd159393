import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

/** One STOP-listed number [community; go-client `v1/stops.go`]: `id` is what Remove takes, `createdAt` `yyyy-MM-dd HH:mm:ss`. */
export const stopEntry = z.object({
  id: z.int(),
  phoneNumber: z.string(),
  createdAt: z.string(),
});
export type StopEntry = z.infer<typeof stopEntry>;

/** The success body, in wire order [community]. No pagination is documented. */
export const listStopSmsResponse = z.object({
  ...successEnvelope.shape,
  nbData: z.int(),
  data: z.array(stopEntry),
});
export type ListStopSmsResponse = z.infer<typeof listStopSmsResponse>;

/** Codes of GET /v1/stop-sms/list: 1 and 10 [official-legacy][community]. */
export const listStopSmsCodes = { ...authCodes } as const satisfies CodeCatalogue;
export type ListStopSmsCode = keyof typeof listStopSmsCodes;

/** GET /v1/stop-sms/list: the client's part of the `listStopSms` registry entry. */
export const listStopSmsRoute = defineRoute({
  name: 'listStopSms',
  method: 'GET',
  path: '/v1/stop-sms/list',
  xml: true,
  response: listStopSmsResponse,
  codes: listStopSmsCodes,
});

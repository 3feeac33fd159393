import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { listStopSmsRoute } from './route.js';

/** GET /v1/stop-sms/list, query string [official]. */
export const listStopSmsRequest = z.object({
  apiKey: requiredString('API key is required'),
  _format: responseFormat,
});
export type ListStopSmsRequest = z.input<typeof listStopSmsRequest>;

/**
 * Provider states of the STOP-list contracts: `apiKey` always, and for a
 * listed number its `phoneNumber` (default `+33622222222`); the seeder
 * returns the entry's `stopId`.
 */
export const stopListStates = ['an account with credits', 'a number on the stop list'] as const;

/** The registry entry of GET /v1/stop-sms/list: {@link listStopSmsRoute} plus the request side. */
export const listStopSms = defineEndpoint(listStopSmsRoute, {
  summary: "The account's STOP list: numbers that receive no SMS (sends to them answer code 14)",
  request: listStopSmsRequest,
  fieldCodes: { apiKey: { missing: 1, invalid: 1 } },
  states: stopListStates,
  example: {
    request: { apiKey: 'YOUR_API_KEY' },
    response: {
      success: true,
      code: 200,
      nbData: 1,
      data: [{ id: 19, phoneNumber: '+33622222222', createdAt: '2015-07-20 10:19:45' }],
    },
  },
});

export * from './route.js';

import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString } from '../../../core/fields.js';
import { getRentalStatusRoute } from './route.js';

/** GET /v1/location/status, query string [official]. No `_format` is documented. */
export const getRentalStatusRequest = z.object({
  apiKey: requiredString('API key is required'),
  token: requiredString('The rental token is required'),
});
export type GetRentalStatusRequest = z.input<typeof getRentalStatusRequest>;

/** The registry entry of GET /v1/location/status: {@link getRentalStatusRoute} plus the request side. */
export const getRentalStatus = defineEndpoint(getRentalStatusRoute, {
  summary: 'Where a contact rental stands: requested, file being created, ready, failed or downloaded',
  request: getRentalStatusRequest,
  fieldCodes: { apiKey: { missing: 1, invalid: 1 }, token: { missing: 31, invalid: 32 } },
  states: ['an account with credits', 'a contact rental'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', token: 'LOC1000' },
    response: { success: true, code: 200, token: 'LOC1000', status: 2 },
  },
});

export * from './route.js';

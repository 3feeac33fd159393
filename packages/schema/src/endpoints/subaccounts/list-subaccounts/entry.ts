import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { pageField, requiredString, responseFormat } from '../../../core/fields.js';
import { listSubaccountsRoute } from './route.js';

/** GET /v1/subaccount/list, query string [official-legacy][community]. */
export const listSubaccountsRequest = z.object({
  apiKey: requiredString('API key is required'),
  page: pageField,
  _format: responseFormat,
});
export type ListSubaccountsRequest = z.input<typeof listSubaccountsRequest>;

/** The registry entry of GET /v1/subaccount/list: {@link listSubaccountsRoute} plus the request side. */
export const listSubaccounts = defineEndpoint(listSubaccountsRoute, {
  summary: "One page (20) of the master account's sub-accounts, each with its own API key and balance",
  request: listSubaccountsRequest,
  fieldCodes: { apiKey: { missing: 1, invalid: 1 } },
  states: ['an account with sub-accounts enabled', 'a sub-account'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', page: 1 },
    response: {
      success: true,
      code: 200,
      total: 1,
      nb_per_page: 20,
      page: 1,
      data: [
        {
          id: 1,
          email: 'email1@example.com',
          type: 'simple',
          token: 'token1',
          apiKey: 'SUBACCOUNT_API_KEY',
          createdAt: '2016-03-04 11:23:14',
          credits: { balance: '0.800', currency: 'EUR' },
        },
      ],
    },
  },
});

export * from './route.js';

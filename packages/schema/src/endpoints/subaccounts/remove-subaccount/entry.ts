import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString } from '../../../core/fields.js';
import { removeSubaccountRoute } from './route.js';

/** DELETE /v1/subaccount/remove, JSON body [official FR]. The page documents no `_format`. */
export const removeSubaccountRequest = z.object({
  apiKey: requiredString('API key is required'),
  token: requiredString('Token is required'),
});
export type RemoveSubaccountRequest = z.input<typeof removeSubaccountRequest>;

/**
 * The registry entry of DELETE /v1/subaccount/remove: {@link removeSubaccountRoute}
 * plus the request side. The official FR header names `/v1/subaccount/delete`
 * while its own curl and the community page use `/remove`: both are answered.
 */
export const removeSubaccount = defineEndpoint(removeSubaccountRoute, {
  summary: 'Delete a sub-account: its key stops working, what it holds goes back to the master',
  request: removeSubaccountRequest,
  auth: { missing: 10, unknown: 10 },
  fieldCodes: {
    apiKey: { missing: 10, invalid: 10 },
    token: { missing: 1, invalid: 404 },
  },
  alsoAnswers: { paths: ['/v1/subaccount/delete'] },
  states: ['a sub-account'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', token: 'SUBACCOUNT_TOKEN' },
    response: { success: true, code: 200 },
  },
});

export * from './route.js';

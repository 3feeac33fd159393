import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

/** The success body [official FR]. */
export const removeSubaccountResponse = z.object({ ...successEnvelope.shape });
export type RemoveSubaccountResponse = z.infer<typeof removeSubaccountResponse>;

/** Codes of DELETE /v1/subaccount/remove [official FR][community]: 1 is the token, 10 the key. */
export const removeSubaccountCodes = {
  1: { message: 'Token is required', source: 'official' },
  10: { message: 'API key is required or invalid', source: 'official' },
  404: { message: 'The sub-account does not exist', source: 'official' },
} as const satisfies CodeCatalogue;
export type RemoveSubaccountCode = keyof typeof removeSubaccountCodes;

/** DELETE /v1/subaccount/remove: the client's part of the `removeSubaccount` registry entry. */
export const removeSubaccountRoute = defineRoute({
  name: 'removeSubaccount',
  method: 'DELETE',
  path: '/v1/subaccount/remove',
  response: removeSubaccountResponse,
  codes: removeSubaccountCodes,
});

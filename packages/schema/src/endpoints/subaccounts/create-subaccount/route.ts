import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

/**
 * The success body [official][community]: the new sub-account's e-mail and
 * token (its identifier for the delete and credit calls), where the
 * confirmation mail goes, and the master's e-mail. Its API key is not in it:
 * the docs show it in the Sub-account List only.
 */
export const createSubaccountResponse = z.object({
  ...successEnvelope.shape,
  subaccount: z.object({ email: z.string(), token: z.string() }),
  sendConfirmMailTo: z.string(),
  parent_email: z.string(),
});
export type CreateSubaccountResponse = z.infer<typeof createSubaccountResponse>;

/**
 * Codes of POST /v1/subaccount/create [official][official-legacy][community].
 * 2 is "not authorised" (the current English table's "Phone number is
 * required" is a copy error); 10 comes from the page's error example. 400 is
 * the mock's, for a parameter the table gives no code (9 is taken).
 */
export const createSubaccountCodes = {
  1: { message: 'API key is required', source: 'official' },
  2: { message: 'You are not authorized', source: 'official-legacy' },
  3: { message: 'isBuyer is required', source: 'official' },
  4: { message: 'Type is required (simple or advanced)', source: 'official' },
  5: { message: 'This sub-account type does not exist (simple or advanced)', source: 'official' },
  6: { message: 'Email is required', source: 'official' },
  7: { message: 'An account already exists with this email', source: 'official' },
  8: { message: 'creditToAttribute must be greater than 0', source: 'official-legacy' },
  9: { message: 'Balance must be greater than 0', source: 'official-legacy' },
  10: { message: 'Incorrect API Key', source: 'community' },
  400: { message: 'A parameter is not documented or breaks its documented type', source: 'mock' },
} as const satisfies CodeCatalogue;
export type CreateSubaccountCode = keyof typeof createSubaccountCodes;

/** POST /v1/subaccount/create: the client's part of the `createSubaccount` registry entry. */
export const createSubaccountRoute = defineRoute({
  name: 'createSubaccount',
  method: 'POST',
  path: '/v1/subaccount/create',
  xml: true,
  response: createSubaccountResponse,
  codes: createSubaccountCodes,
});

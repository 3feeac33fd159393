import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

/**
 * One sub-account of the list [community]: its integer id, token, own API
 * key, creation time (`YYYY-MM-DD HH:MM:SS`) and balance (a decimal string).
 */
export const subaccountRecord = z.object({
  id: z.number(),
  email: z.string(),
  type: z.string(),
  token: z.string(),
  apiKey: z.string(),
  createdAt: z.string(),
  credits: z.object({ balance: z.string(), currency: z.string() }),
});
export type SubaccountRecord = z.infer<typeof subaccountRecord>;

/** The success body [community], in wire order: 20 sub-accounts a page. */
export const listSubaccountsResponse = z.object({
  ...successEnvelope.shape,
  total: z.number(),
  nb_per_page: z.number(),
  page: z.number(),
  data: z.array(subaccountRecord),
});
export type ListSubaccountsResponse = z.infer<typeof listSubaccountsResponse>;

/** Codes of GET /v1/subaccount/list [official-legacy][community]. */
export const listSubaccountsCodes = { ...authCodes } as const satisfies CodeCatalogue;
export type ListSubaccountsCode = keyof typeof listSubaccountsCodes;

/** GET /v1/subaccount/list: the client's part of the `listSubaccounts` registry entry. */
export const listSubaccountsRoute = defineRoute({
  name: 'listSubaccounts',
  method: 'GET',
  path: '/v1/subaccount/list',
  xml: true,
  response: listSubaccountsResponse,
  codes: listSubaccountsCodes,
});

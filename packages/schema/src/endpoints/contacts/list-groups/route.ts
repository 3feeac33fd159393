import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { contactAuthCodes, wireId } from '../contact-fields.js';

/** One group of the list [community]. `isLocationFile` marks a group filled by contact rental. */
export const groupRecord = z.object({
  id: wireId,
  name: z.string(),
  createdAt: z.string(),
  isSpecialFile: z.boolean(),
  isLocationFile: z.boolean(),
});
export type GroupRecord = z.infer<typeof groupRecord>;

/**
 * The success body [community]: no `code`, and the page's sample says
 * `"success": false` though it is the success case (a typo, surely). The mock
 * sends `true`; the schema takes either, so the list is never refused for it.
 */
export const listGroupsResponse = z.object({
  success: z.boolean(),
  code: z.optional(z.number()),
  groups: z.array(groupRecord),
});
export type ListGroupsResponse = z.infer<typeof listGroupsResponse>;

/** Codes of GET /v1/group/list [community]. */
export const listGroupsCodes = { ...contactAuthCodes } as const satisfies CodeCatalogue;
export type ListGroupsCode = keyof typeof listGroupsCodes;

/** GET /v1/group/list: the client's part of the `listGroups` registry entry. */
export const listGroupsRoute = defineRoute({
  name: 'listGroups',
  method: 'GET',
  path: '/v1/group/list',
  response: listGroupsResponse,
  codes: listGroupsCodes,
});

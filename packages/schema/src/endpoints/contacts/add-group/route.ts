import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { contactStoreFullCode, contactValidationCode, wireId } from '../contact-fields.js';

/**
 * The success body [official-legacy][community]: `code` is **2**, not 200,
 * with the group's name and its id. 200 is read as a success too, should the
 * API ever answer like its siblings; the mock sends 2.
 */
export const addGroupResponse = z.object({
  success: z.literal(true),
  code: z.union([z.literal(2), z.literal(200)]),
  name: z.string(),
  groupId: wireId,
});
export type AddGroupResponse = z.infer<typeof addGroupResponse>;

/**
 * Codes of POST /v1/group/add [community]. Its table gives 2 for a missing key,
 * the number its success carries too: `success` tells them apart. 9 and 500
 * are the mock's (a name over its bound, a full store).
 */
export const addGroupCodes = {
  1: { message: 'The group name is required', source: 'community' },
  2: { message: 'API Key is required', source: 'community' },
  10: { message: 'Incorrect API key', source: 'official-legacy' },
  ...contactValidationCode,
  ...contactStoreFullCode,
} as const satisfies CodeCatalogue;
export type AddGroupCode = keyof typeof addGroupCodes;

/** POST /v1/group/add: the client's part of the `addGroup` registry entry. */
export const addGroupRoute = defineRoute({
  name: 'addGroup',
  method: 'POST',
  path: '/v1/group/add',
  response: addGroupResponse,
  codes: addGroupCodes,
});

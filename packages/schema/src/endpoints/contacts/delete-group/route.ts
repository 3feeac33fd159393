import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { contactAuthCodes, groupNotFound } from '../contact-fields.js';

/** The success body [community]. */
export const deleteGroupResponse = z.object({ ...successEnvelope.shape });
export type DeleteGroupResponse = z.infer<typeof deleteGroupResponse>;

/** Codes of POST /v1/group/delete [community]. */
export const deleteGroupCodes = {
  1: { message: 'groupId is required', source: 'community' },
  ...contactAuthCodes,
  ...groupNotFound('community'),
} as const satisfies CodeCatalogue;
export type DeleteGroupCode = keyof typeof deleteGroupCodes;

/** POST /v1/group/delete: the client's part of the `deleteGroup` registry entry. */
export const deleteGroupRoute = defineRoute({
  name: 'deleteGroup',
  method: 'POST',
  path: '/v1/group/delete',
  response: deleteGroupResponse,
  codes: deleteGroupCodes,
});

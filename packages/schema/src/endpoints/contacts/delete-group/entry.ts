import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { byGroupCodes, byGroupShape, contactAuth } from '../contact-fields.js';
import { deleteGroupRoute } from './route.js';

/** POST /v1/group/delete, JSON body [community]. */
export const deleteGroupRequest = z.object(byGroupShape);
export type DeleteGroupRequest = z.input<typeof deleteGroupRequest>;

/**
 * The registry entry of POST /v1/group/delete: {@link deleteGroupRoute} plus
 * the request side. The community page's header says DELETE while its curl
 * posts: both are answered. The group's contacts are deleted with it.
 */
export const deleteGroup = defineEndpoint(deleteGroupRoute, {
  summary: 'Delete a group and the contacts in it',
  request: deleteGroupRequest,
  auth: contactAuth,
  fieldCodes: byGroupCodes,
  alsoAnswers: { methods: ['DELETE'] },
  states: ['a group with contacts'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', groupId: '6363' },
    response: { success: true, code: 200 },
  },
});

export * from './route.js';

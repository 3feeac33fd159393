import { defineHandler } from '../../core/define-handler.js';

/**
 * POST /v1/group/add. After the pipeline (key 2 missing, 10 unknown, as its
 * table says; name 1, or 9 over its bound): the group is created and the
 * answer carries `code: 2`, the documented success code. A full store
 * answers 500.
 */
export const addGroup = defineHandler('addGroup', (request, { account, state, now, fail }) => {
  const added = state.contacts.createGroup(account, request.name, now);
  if (!added.ok) return fail(500);
  return { success: true, code: 2, name: added.group.name, groupId: added.group.id };
});

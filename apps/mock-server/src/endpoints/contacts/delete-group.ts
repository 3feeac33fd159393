import { defineHandler } from '../../core/define-handler.js';

/**
 * POST (or DELETE) /v1/group/delete: the group and every contact in it go
 * (the docs do not say; groups own their contacts in this mock). An id the
 * account has no group under answers 404.
 */
export const deleteGroup = defineHandler('deleteGroup', (request, { account, state, fail }) => {
  if (!state.contacts.dropGroup(account, request.groupId)) return fail(404);
  return { success: true, code: 200 };
});

import { defineHandler } from '../../core/define-handler.js';

/**
 * DELETE /v1/subaccount/remove (also `/v1/subaccount/delete`, the FR page's
 * header). A token that is none of the caller's sub-accounts answers 404 (so
 * does any token for a caller that has none). Removed, the sub-account's key
 * answers code 10 everywhere; what its balance held goes back to the master.
 */
export const removeSubaccount = defineHandler('removeSubaccount', (request, { account, state, fail }) => {
  if (!state.closeSubaccount(account, request.token)) return fail(404);
  return { success: true, code: 200 };
});

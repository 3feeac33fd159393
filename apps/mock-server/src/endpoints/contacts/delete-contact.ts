import { defineHandler } from '../../core/define-handler.js';

/** POST /v1/contact/delete: the contact goes; an id the account has no contact under answers 404. */
export const deleteContact = defineHandler('deleteContact', (request, { account, state, fail }) => {
  if (!state.contacts.dropContact(account, request.contactId)) return fail(404);
  return { success: true, code: 200 };
});

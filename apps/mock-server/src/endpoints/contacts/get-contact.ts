import { defineHandler } from '../../core/define-handler.js';
import { contactRecordOf, groupIdOnDetail } from '../../rules/contacts.js';

/**
 * GET /v1/contact/detail: the contact as the list shows it, plus its group's
 * id, an integer as the page shows it. An unknown id answers 404.
 */
export const getContact = defineHandler('getContact', (request, { account, state, fail }) => {
  const contact = state.contacts.contact(account, request.contactId);
  if (!contact) return fail(404);
  return {
    success: true,
    code: 200,
    contact: { ...contactRecordOf(contact, account.stopList), groupId: groupIdOnDetail(contact.groupId) },
  };
});

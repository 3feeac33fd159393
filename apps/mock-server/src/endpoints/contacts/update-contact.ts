import { defineHandler } from '../../core/define-handler.js';
import { contactEchoOf, e164Of, invalidNumberIssue } from '../../rules/contacts.js';

/**
 * POST /v1/contact/update. After the pipeline (key 10; contactId 1; contact
 * 2; a field over its limit 9): a contact without any field is 2, a number
 * that is none 9, then the contact (404), a new number on the STOP list (14)
 * or another contact's of the same group (15). The fields sent change (an
 * empty string clears one); the answer echoes them, as stored, and the id.
 */
export const updateContact = defineHandler('updateContact', (request, { account, state, fail, invalid }) => {
  const { phoneNumber, ...details } = request.contact;
  if (phoneNumber === undefined && Object.values(details).every((value) => value === undefined))
    return fail(2);
  const phone = phoneNumber === undefined ? undefined : e164Of(phoneNumber);
  if (phoneNumber !== undefined && phone === undefined) return invalid([invalidNumberIssue()]);
  const current = state.contacts.contact(account, request.contactId);
  if (!current) return fail(404);
  if (phone !== undefined && phone !== current.phone && account.stopList.has(phone)) return fail(14);
  const changed = state.contacts.editContact(account, request.contactId, {
    ...(phone !== undefined ? { phone } : {}),
    ...details,
  });
  if (!changed.ok) return fail(changed.reason === 'duplicate' ? 15 : 404);
  return { success: true, code: 200, contact: contactEchoOf(changed.contact.id, phone, details) };
});

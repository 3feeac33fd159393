import { defineHandler } from '../../core/define-handler.js';
import { contactEchoOf, e164Of, invalidNumberIssue, storedFields } from '../../rules/contacts.js';

/** The number of a request's `contact`, when it is a string (to name it in a code-9 list). */
function numberOf(raw: Readonly<Record<string, unknown>>): string | undefined {
  const contact = raw.contact;
  const phoneNumber =
    typeof contact === 'object' && contact !== null
      ? (contact as Record<string, unknown>).phoneNumber
      : undefined;
  return typeof phoneNumber === 'string' && phoneNumber.trim() !== '' ? phoneNumber : undefined;
}

/**
 * POST /v1/contact/add (a body with `contactsList` is Add Bulk Contacts).
 * After the pipeline (key 10; groupId 1; contact 2; a field over its limit
 * 9): the number is checked like a send's recipient (9, in the same list as
 * the fields), then the group (404), the account's STOP list (14), the
 * group's numbers (15) and the store's room (500). The answer echoes the
 * contact as stored: its number in E.164, the fields sent, its new id.
 */
export const addContact = defineHandler(
  'addContact',
  (request, { account, state, now, fail, invalid }) => {
    const { phoneNumber, ...details } = request.contact;
    const phone = e164Of(phoneNumber);
    if (phone === undefined) return invalid([invalidNumberIssue()]);
    if (!state.contacts.group(account, request.groupId)) return fail(404);
    if (account.stopList.has(phone)) return fail(14);
    const added = state.contacts.insertContact(account, request.groupId, storedFields(phone, details), now);
    if (!added.ok) return fail(added.reason === 'duplicate' ? 15 : added.reason === 'no-group' ? 404 : 500);
    return { success: true, code: 200, contact: contactEchoOf(added.contact.id, phone, details) };
  },
  {
    onInvalid: (items, { raw, invalid }) => {
      const given = numberOf(raw);
      return given !== undefined && e164Of(given) === undefined
        ? invalid([invalidNumberIssue(), ...items])
        : invalid(items);
    },
  },
);

import { CONTACTS_PER_PAGE } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { contactRecordOf } from '../../rules/contacts.js';

/**
 * GET (or POST) /v1/contact/list: page `page` (20 contacts, oldest first) of
 * a group, `total` as a string of digits, as the page shows. A page past the
 * last is empty; an id the account has no group under answers 404.
 */
export const listContacts = defineHandler('listContacts', (request, { account, state, fail }) => {
  const page = request.page ?? 1;
  const found = state.contacts.page(account, request.groupId, page, CONTACTS_PER_PAGE);
  if (!found) return fail(404);
  return {
    success: true,
    code: 200,
    currentPage: page,
    total: String(found.total),
    datas: found.contacts.map((contact) => contactRecordOf(contact, account.stopList)),
  };
});

import type { BulkContactResult } from '@smspartner-kit/schema';
import { addBulkContactsCodes } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { emptyBulkErrors, readBulkItem } from '../../rules/contacts.js';

/**
 * POST /v1/contact/add with `contactsList` (the pipeline sends such a body
 * here). After the pipeline (key 10; groupId 1; an empty list 2, more than
 * 500 items 50) and the group (404) and the store's room for every item
 * (500), each item is added or fails alone, counted in the report under the
 * page's literal keys: no number `empty` (2), not a number `invalidePhone`,
 * a bad url `urlInvalide`, a bad date `dateInvalide` (9), on the STOP list
 * `stopSms` (14), twice in the list `duplicatePhone` and already in the group
 * `allreadyInGroupe` (15). The answer has no `success` or `code`, as the page
 * shows; `nbline_updated` stays 0 (an item never updates a contact).
 */
export const addBulkContacts = defineHandler('addBulkContacts', (request, { account, state, now, fail }) => {
  const group = state.contacts.group(account, request.groupId);
  if (!group) return fail(404);
  if (!state.contacts.hasRoomFor(request.contactsList.length)) return fail(500);
  const errors = emptyBulkErrors();
  const seen = new Set<string>();
  let imported = 0;
  const refused = (phoneNumber: string, code: 14 | 15, counter: keyof typeof errors): BulkContactResult => {
    errors[counter]++;
    return { success: false, code, phoneNumber, message: addBulkContactsCodes[code].message };
  };
  const results = request.contactsList.map((raw): BulkContactResult => {
    const item = readBulkItem(raw);
    if (!item.ok) {
      if (item.counter !== null) errors[item.counter]++;
      return { success: false, code: item.code, phoneNumber: item.phoneNumber, message: item.message };
    }
    if (account.stopList.has(item.phone)) return refused(item.phone, 14, 'stopSms');
    if (seen.has(item.phone)) return refused(item.phone, 15, 'duplicatePhone');
    seen.add(item.phone);
    const added = state.contacts.insertContact(account, group.id, item.fields, now);
    if (!added.ok) return refused(item.phone, 15, 'allreadyInGroupe');
    imported++;
    return { success: true, code: 200, phoneNumber: item.phone, contactId: added.contact.id };
  });
  return {
    groupe: { name: group.name, token: group.id },
    results,
    rapport: { nbline: results.length, nbline_imported: imported, nbline_updated: 0, errors },
  };
});

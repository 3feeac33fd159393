import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { byGroupCodes, byGroupShape, contactAuth, MAX_BULK_CONTACTS } from '../contact-fields.js';
import { addBulkContactsRoute } from './route.js';

/**
 * POST /v1/contact/add with `contactsList` [community]. Items are checked one
 * by one (a bad item fails alone, counted in the report), so the list is
 * declared loosely here and each item is parsed with `newContact`.
 */
export const addBulkContactsRequest = z.object({
  ...byGroupShape,
  contactsList: z
    .array(z.unknown(), { error: 'contactsList must be a list of contacts' })
    .check(
      z.minLength(1, { error: 'Contact information is required' }),
      z.maxLength(MAX_BULK_CONTACTS, { error: `At most ${MAX_BULK_CONTACTS} contacts per request` }),
    ),
});
export type AddBulkContactsRequest = z.input<typeof addBulkContactsRequest>;

/**
 * The registry entry of Add Bulk Contacts: {@link addBulkContactsRoute} plus
 * the request side. Same method and path as Add Contact; a body with
 * `contactsList` is this endpoint's.
 */
export const addBulkContacts = defineEndpoint(addBulkContactsRoute, {
  summary: 'Add up to 500 contacts to a group in one request, with a per-contact report',
  // The documented report has neither `success` nor `code` [community].
  successCode: null,
  request: addBulkContactsRequest,
  auth: contactAuth,
  selectedBy: 'contactsList',
  fieldCodes: {
    ...byGroupCodes,
    contactsList: { missing: 2, byIssue: { too_big: 50 }, invalid: 2 },
  },
  states: ['a group with contacts'],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      groupId: '6363',
      contactsList: [
        { phoneNumber: '0600000002', firstname: 'firstname_1', date: '2023-01-01', custom1: 'email' },
        { phoneNumber: '0600000001', firstname: 'firstname_2' },
      ],
    },
    response: {
      groupe: { name: 'Group name', token: '6363' },
      results: [
        { success: true, code: 200, phoneNumber: '+33600000002', contactId: '1000002' },
        {
          success: false,
          code: 15,
          phoneNumber: '+33600000001',
          message: 'The phone number already exists in the group',
        },
      ],
      rapport: {
        nbline: 2,
        nbline_imported: 1,
        nbline_updated: 0,
        errors: {
          stopSms: 0,
          invalidePhone: 0,
          duplicatePhone: 0,
          allreadyInGroupe: 1,
          urlInvalide: 0,
          dateInvalide: 0,
          empty: 0,
          unactivated: 0,
          dateInvalid: 0,
        },
      },
    },
  },
});

export * from './route.js';

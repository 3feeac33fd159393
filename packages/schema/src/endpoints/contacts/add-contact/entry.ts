import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { byGroupCodes, byGroupShape, contactAuth, newContact } from '../contact-fields.js';
import { addContactRoute } from './route.js';

/**
 * POST /v1/contact/add, JSON body [official]: the page's table lists the
 * contact's fields flat, but its request example nests them under `contact`,
 * as Edit Contact does: the nested form is the one read.
 */
export const addContactRequest = z.object({
  ...byGroupShape,
  contact: newContact,
});
export type AddContactRequest = z.input<typeof addContactRequest>;

/** The registry entry of POST /v1/contact/add: {@link addContactRoute} plus the request side. */
export const addContact = defineEndpoint(addContactRoute, {
  summary: 'Add one contact to a group',
  request: addContactRequest,
  auth: contactAuth,
  fieldCodes: {
    ...byGroupCodes,
    'contact.phoneNumber': { missing: 2, byIssue: { invalid_format: 2 } },
    contact: { missing: 2 },
  },
  childElementIds: ['contact'],
  states: ['a group with contacts'],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      groupId: '6363',
      contact: {
        phoneNumber: '+33600000001',
        firstname: 'Marie',
        lastname: 'Bertrand',
        date: '2000-06-12',
        url: 'https://example.com',
        custom1: 'custom 1',
      },
    },
    response: {
      success: true,
      code: 200,
      contact: {
        phoneNumber: '+33600000001',
        firstname: 'Marie',
        lastname: 'Bertrand',
        date: '2000-06-12',
        url: 'https://example.com',
        custom1: 'custom 1',
        contactId: '1000001',
      },
    },
  },
});

export * from './route.js';

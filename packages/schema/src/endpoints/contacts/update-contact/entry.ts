import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { byContactCodes, byContactShape, contactAuth, contactChanges } from '../contact-fields.js';
import { updateContactRoute } from './route.js';

/** POST /v1/contact/update, JSON body [official]: the fields of `contact` that are sent change. */
export const updateContactRequest = z.object({
  ...byContactShape,
  contact: contactChanges,
});
export type UpdateContactRequest = z.input<typeof updateContactRequest>;

/** The registry entry of POST /v1/contact/update: {@link updateContactRoute} plus the request side. */
export const updateContact = defineEndpoint(updateContactRoute, {
  summary: "Change a contact's fields (the ones sent; an empty string clears one)",
  request: updateContactRequest,
  auth: contactAuth,
  fieldCodes: {
    ...byContactCodes,
    contact: { missing: 2 },
  },
  childElementIds: ['contact'],
  states: ['a group with contacts'],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      contactId: '1000001',
      contact: { firstname: 'prénom', url: '', date: '12-06-2020', custom2: 'custom2' },
    },
    response: {
      success: true,
      code: 200,
      contact: { firstname: 'prénom', date: '2020-06-12', url: '', custom2: 'custom2', contactId: '1000001' },
    },
  },
});

export * from './route.js';

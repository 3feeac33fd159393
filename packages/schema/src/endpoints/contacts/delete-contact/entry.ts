import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { byContactCodes, byContactShape, contactAuth } from '../contact-fields.js';
import { deleteContactRoute } from './route.js';

/** POST /v1/contact/delete, JSON body [official-legacy]. */
export const deleteContactRequest = z.object(byContactShape);
export type DeleteContactRequest = z.input<typeof deleteContactRequest>;

/** The registry entry of POST /v1/contact/delete: {@link deleteContactRoute} plus the request side. */
export const deleteContact = defineEndpoint(deleteContactRoute, {
  summary: 'Delete a contact',
  request: deleteContactRequest,
  auth: contactAuth,
  fieldCodes: byContactCodes,
  states: ['a group with contacts'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', contactId: '1000001' },
    response: { success: true, code: 200 },
  },
});

export * from './route.js';

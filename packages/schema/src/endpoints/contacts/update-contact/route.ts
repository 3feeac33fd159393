import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import {
  contactAuthCodes,
  contactEcho,
  contactNotFound,
  contactStopCode,
  contactValidationCode,
  duplicateContactCode,
} from '../contact-fields.js';

/** The success body [official]: the fields sent (as stored), and `contactId`. */
export const updateContactResponse = z.object({
  ...successEnvelope.shape,
  contact: contactEcho,
});
export type UpdateContactResponse = z.infer<typeof updateContactResponse>;

/**
 * Codes of POST /v1/contact/update [official]. Its table says "groupId is
 * required" for 1, copied from Add Contact: on this page it is the contact id
 * that is required. 404, 9 and 14 are the mock's, as on Add Contact.
 */
export const updateContactCodes = {
  1: { message: 'contactId is required', source: 'official' },
  2: { message: 'Contact information is required', source: 'official' },
  ...contactAuthCodes,
  ...duplicateContactCode,
  ...contactValidationCode,
  ...contactStopCode,
  ...contactNotFound('mock'),
} as const satisfies CodeCatalogue;
export type UpdateContactCode = keyof typeof updateContactCodes;

/** POST /v1/contact/update: the client's part of the `updateContact` registry entry. */
export const updateContactRoute = defineRoute({
  name: 'updateContact',
  method: 'POST',
  path: '/v1/contact/update',
  response: updateContactResponse,
  codes: updateContactCodes,
});

import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import {
  contactAuthCodes,
  contactEcho,
  contactStopCode,
  contactStoreFullCode,
  contactValidationCode,
  duplicateContactCode,
  groupNotFound,
} from '../contact-fields.js';

/** The success body [official]: the contact as stored, with its new `contactId`. */
export const addContactResponse = z.object({
  ...successEnvelope.shape,
  contact: contactEcho,
});
export type AddContactResponse = z.infer<typeof addContactResponse>;

/**
 * Codes of POST /v1/contact/add [official]: 1, 2, 10, 15. The page gives none
 * for an unknown group, an invalid field or a STOP-listed number (Add Bulk
 * Contacts counts those): the mock answers 404, 9 and 14 (its decisions).
 */
export const addContactCodes = {
  1: { message: 'groupId is required', source: 'official' },
  2: { message: 'Contact information is required', source: 'official' },
  ...contactAuthCodes,
  ...duplicateContactCode,
  ...contactValidationCode,
  ...contactStopCode,
  ...groupNotFound('mock'),
  ...contactStoreFullCode,
} as const satisfies CodeCatalogue;
export type AddContactCode = keyof typeof addContactCodes;

/** POST /v1/contact/add: the client's part of the `addContact` registry entry. */
export const addContactRoute = defineRoute({
  name: 'addContact',
  method: 'POST',
  path: '/v1/contact/add',
  response: addContactResponse,
  codes: addContactCodes,
});

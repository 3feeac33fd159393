import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { contactAuthCodes, contactNotFound } from '../contact-fields.js';

/** The success body [official-legacy]. */
export const deleteContactResponse = z.object({ ...successEnvelope.shape });
export type DeleteContactResponse = z.infer<typeof deleteContactResponse>;

/**
 * Codes of POST /v1/contact/delete [official-legacy] (the community English
 * copy says "groupId" and "group" for 1 and 404: copy errors).
 */
export const deleteContactCodes = {
  1: { message: 'contactId is required', source: 'official-legacy' },
  ...contactAuthCodes,
  ...contactNotFound('official-legacy'),
} as const satisfies CodeCatalogue;
export type DeleteContactCode = keyof typeof deleteContactCodes;

/** POST /v1/contact/delete: the client's part of the `deleteContact` registry entry. */
export const deleteContactRoute = defineRoute({
  name: 'deleteContact',
  method: 'POST',
  path: '/v1/contact/delete',
  response: deleteContactResponse,
  codes: deleteContactCodes,
});

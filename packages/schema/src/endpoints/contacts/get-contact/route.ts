import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { contactAuthCodes, contactNotFound, contactRecord, wireId } from '../contact-fields.js';

/** The success body [official]: the contact as the list shows it, plus its `groupId` (an integer there). */
export const getContactResponse = z.object({
  ...successEnvelope.shape,
  contact: z.object({ ...contactRecord.shape, groupId: wireId }),
});
export type GetContactResponse = z.infer<typeof getContactResponse>;

/** Codes of GET /v1/contact/detail: 10 [official]; 1 and 404 [community]. */
export const getContactCodes = {
  1: { message: 'contactId is required', source: 'community' },
  ...contactAuthCodes,
  ...contactNotFound('community'),
} as const satisfies CodeCatalogue;
export type GetContactCode = keyof typeof getContactCodes;

/** GET /v1/contact/detail: the client's part of the `getContact` registry entry. */
export const getContactRoute = defineRoute({
  name: 'getContact',
  method: 'GET',
  path: '/v1/contact/detail',
  response: getContactResponse,
  codes: getContactCodes,
});

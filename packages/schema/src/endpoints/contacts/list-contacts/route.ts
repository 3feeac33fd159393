import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { contactAuthCodes, contactRecord, groupNotFound } from '../contact-fields.js';

/**
 * The success body [official]: `currentPage` an integer, `total` (contacts in
 * the group) a string of digits, the page under `datas`.
 */
export const listContactsResponse = z.object({
  ...successEnvelope.shape,
  currentPage: z.number(),
  total: z.union([z.string(), z.number()]),
  datas: z.array(contactRecord),
});
export type ListContactsResponse = z.infer<typeof listContactsResponse>;

/** Codes of GET /v1/contact/list [official]: 1, 10; 404 for an unknown group is the mock's. */
export const listContactsCodes = {
  1: { message: 'groupId is required', source: 'official' },
  ...contactAuthCodes,
  ...groupNotFound('mock'),
} as const satisfies CodeCatalogue;
export type ListContactsCode = keyof typeof listContactsCodes;

/** GET /v1/contact/list: the client's part of the `listContacts` registry entry. */
export const listContactsRoute = defineRoute({
  name: 'listContacts',
  method: 'GET',
  path: '/v1/contact/list',
  response: listContactsResponse,
  codes: listContactsCodes,
});

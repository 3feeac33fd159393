import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { addContactCodes } from '../add-contact/route.js';
import {
  contactAuthCodes,
  contactStopCode,
  contactStoreFullCode,
  contactValidationCode,
  duplicateContactCode,
  groupNotFound,
  MAX_BULK_CONTACTS,
  wireId,
} from '../contact-fields.js';

/**
 * One item's result [community]: failed items as the page shows them (code
 * 15, the number in E.164, a message); successful ones as it presumes them,
 * `success: true` and `code: 200`, with the new `contactId` (the mock's).
 */
export const bulkContactResult = z.object({
  success: z.boolean(),
  code: z.number(),
  phoneNumber: z.string(),
  message: z.optional(z.string()),
  contactId: z.optional(wireId),
});
export type BulkContactResult = z.infer<typeof bulkContactResult>;

/**
 * The report's error counters, under their literal (French, misspelt) keys
 * [community]: `dateInvalide` and `dateInvalid` both exist.
 */
export const bulkContactErrors = z.object({
  stopSms: z.number(),
  invalidePhone: z.number(),
  duplicatePhone: z.number(),
  allreadyInGroupe: z.number(),
  urlInvalide: z.number(),
  dateInvalide: z.number(),
  empty: z.number(),
  unactivated: z.number(),
  dateInvalid: z.number(),
});
export type BulkContactErrors = z.infer<typeof bulkContactErrors>;

/**
 * The answer [community]: no `success` or `code` at the top, the group as
 * `groupe` (its id under `token`), one result per item, and the import
 * report `rapport`, keys as the page writes them.
 */
export const addBulkContactsResponse = z.object({
  groupe: z.object({ name: z.string(), token: wireId }),
  results: z.array(bulkContactResult),
  rapport: z.object({
    nbline: z.number(),
    nbline_imported: z.number(),
    nbline_updated: z.number(),
    errors: bulkContactErrors,
  }),
});
export type AddBulkContactsResponse = z.infer<typeof addBulkContactsResponse>;

/**
 * Codes of the bulk form (the page has no table): the request-level ones of
 * Add Contact (1, 2 for an empty list, 10, 404), 50 for more than
 * {@link MAX_BULK_CONTACTS} items (the mock's, like the send family's), and
 * the per-item codes of `results` (2 no number, 9 an invalid field, 14 STOP
 * list, 15 already in the group).
 */
export const addBulkContactsCodes = {
  1: addContactCodes[1],
  2: addContactCodes[2],
  ...contactAuthCodes,
  ...contactValidationCode,
  ...contactStopCode,
  ...duplicateContactCode,
  50: { message: `At most ${MAX_BULK_CONTACTS} contacts per request`, source: 'mock' },
  ...groupNotFound('mock'),
  ...contactStoreFullCode,
} as const satisfies CodeCatalogue;
export type AddBulkContactsCode = keyof typeof addBulkContactsCodes;

/** POST /v1/contact/add with `contactsList`: the client's part of the `addBulkContacts` registry entry. */
export const addBulkContactsRoute = defineRoute({
  name: 'addBulkContacts',
  method: 'POST',
  path: '/v1/contact/add',
  response: addBulkContactsResponse,
  codes: addBulkContactsCodes,
});

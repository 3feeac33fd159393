import * as z from 'zod/mini';
import type { CodeCatalogue, CodeSource } from '../../core/codes.js';
import { requiredString } from '../../core/fields.js';
import { sendSmsCodes } from '../sms/send-sms/route.js';

/**
 * What the contact-management family (groups and contacts, contacts.md)
 * shares: field limits, field schemas, the wire shapes of a group and a
 * contact, and the codes several of its endpoints answer. Each endpoint's
 * `route.ts` and `entry.ts` compose theirs from these.
 */

/** `firstname` and `lastname`: at most 32 characters [official]. */
export const CONTACT_NAME_MAX = 32;
/** `custom1`..`custom4` are "free text" [official]; the mock bounds them (its decision, see the README). */
export const CONTACT_CUSTOM_MAX = 255;
/** `url` and `shortUrlPartnr`: the mock's bound. */
export const CONTACT_URL_MAX = 2048;
/** A phone number as typed (spaces included): the mock's bound. */
export const CONTACT_PHONE_MAX = 64;
/** A group's name: the mock's bound. */
export const GROUP_NAME_MAX = 255;
/** Get Contact List pages hold 20 contacts [official-legacy]. */
export const CONTACTS_PER_PAGE = 20;
/** Add Bulk Contacts takes up to 500 contacts per request [community]. */
export const MAX_BULK_CONTACTS = 500;

/**
 * The key checks of the family: its pages give 10 for a missing key ("API key
 * is required") and use 10 for a wrong one in every example [official]. Add
 * Group numbers its own (2 and 10).
 */
export const contactAuthCodes = {
  10: { message: 'API key is required or invalid', source: 'official' },
} as const satisfies CodeCatalogue;

/** The family's `auth` and `fieldCodes.apiKey`: 10 for a missing key as for an unknown one. */
export const contactAuth = { missing: 10, unknown: 10 } as const;
export const contactKeyCodes = { missing: 10, invalid: 10 } as const;

const GROUP_NOT_FOUND = 'The group does not exist';
const CONTACT_NOT_FOUND = 'The contact does not exist';

/** Code 404 for an unknown group: documented by Delete Group [community], the mock's elsewhere. */
export const groupNotFound = (source: CodeSource) =>
  ({ 404: { message: GROUP_NOT_FOUND, source } }) as const satisfies CodeCatalogue;
/** Code 404 for an unknown contact: documented by Delete Contact and Get Contact Details, the mock's elsewhere. */
export const contactNotFound = (source: CodeSource) =>
  ({ 404: { message: CONTACT_NOT_FOUND, source } }) as const satisfies CodeCatalogue;

/**
 * Codes the docs give no number for on this family, which the mock answers
 * (its decisions, in the README): a field that breaks its documented limit
 * (9, with the send family's validation list), a number on the STOP list
 * (14, the send family's text), a full store (500).
 */
export const contactValidationCode = {
  9: { message: sendSmsCodes[9].message, source: 'mock' },
} as const satisfies CodeCatalogue;
export const contactStopCode = {
  14: { message: sendSmsCodes[14].message, source: 'mock' },
} as const satisfies CodeCatalogue;
export const contactStoreFullCode = {
  500: { message: "The mock's contact store is full", source: 'mock' },
} as const satisfies CodeCatalogue;

/** Code 15: the number is already in the group [official]. */
export const duplicateContactCode = {
  15: { message: 'The phone number already exists in the group', source: 'official' },
} as const satisfies CodeCatalogue;

/**
 * An id as a request carries it: ids are opaque strings in every example,
 * but Get Contact Details shows an integer `groupId` [official], so an integer
 * is read as its digits. Read as a string.
 */
export const idField = (message: string) =>
  z.pipe(
    z.union(
      [z.string({ error: message }).check(z.regex(/\S/, { error: message })), z.int({ error: message })],
      {
        error: message,
      },
    ),
    z.transform((value: string | number) => String(value).trim()),
  );

/** The family's key field. */
export const contactApiKey = requiredString('API key is required');

/** A request that names a group: the key and `groupId`, with their codes (10; 1 missing, 404 not a group id). */
export const byGroupShape = { apiKey: contactApiKey, groupId: idField('groupId is required') };
export const byGroupCodes = { apiKey: contactKeyCodes, groupId: { missing: 1, invalid: 404 } } as const;

/** A request that names a contact: the key and `contactId`, with their codes (10; 1 missing, 404 not a contact id). */
export const byContactShape = { apiKey: contactApiKey, contactId: idField('contactId is required') };
export const byContactCodes = { apiKey: contactKeyCodes, contactId: { missing: 1, invalid: 404 } } as const;

/** An id as an answer carries it: a string, or an integer (Get Contact Details' `groupId`). */
export const wireId = z.union([z.string(), z.int()]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DATE = /^(\d{2})-(\d{2})-(\d{4})$/;

/**
 * A contact's `date` as `YYYY-MM-DD` [official table], or undefined when it is
 * not a real calendar date. Edit Contact's own example sends `DD-MM-YYYY`
 * (`12-06-2020`) and its English answer echoes `2020-06-12`, so that form is
 * read too, and written back the documented way.
 */
export function contactDate(text: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  const french = iso ? undefined : FRENCH_DATE.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : french
      ? [Number(french[3]), Number(french[2]), Number(french[1])]
      : [0, 0, 0];
  if (year === 0 || month < 1 || month > 12 || day < 1) return undefined;
  const real = new Date(Date.UTC(year, month - 1, day));
  if (real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a `url` is one the docs accept: empty, or starting with `http://` or `https://` [official]. */
export function isContactUrl(text: string): boolean {
  return text === '' || /^https?:\/\/\S/i.test(text);
}

const text = (label: string, max: number) =>
  z.optional(
    z
      .string({ error: `The ${label} must be text` })
      .check(z.maxLength(max, { error: `The ${label} cannot be longer than ${max} characters` })),
  );

const url = (label: string) =>
  z.optional(
    z.string({ error: `The ${label} must be text` }).check(
      z.maxLength(CONTACT_URL_MAX, {
        error: `The ${label} cannot be longer than ${CONTACT_URL_MAX} characters`,
      }),
      z.refine(isContactUrl, { error: `The ${label} must start with http:// or https://` }),
    ),
  );

const DATE_MESSAGE = 'The date must be a real date written YYYY-MM-DD';

/** `date`: `YYYY-MM-DD` (or the `DD-MM-YYYY` of Edit Contact's example), read as `YYYY-MM-DD`; empty clears it. */
export const contactDateField = z.optional(
  z.pipe(
    z
      .string({ error: DATE_MESSAGE })
      .check(z.refine((value) => value === '' || contactDate(value) !== undefined, { error: DATE_MESSAGE })),
    z.transform((value: string) => (value === '' ? '' : (contactDate(value) as string))),
  ),
);

/** A phone number as given; whether it is one is checked like a send's recipient (the mock does it). */
export const phoneNumberField = z.string({ error: 'The phone number is required' }).check(
  z.regex(/\S/, { error: 'The phone number is required' }),
  z.maxLength(CONTACT_PHONE_MAX, {
    error: `The phone number cannot be longer than ${CONTACT_PHONE_MAX} characters`,
  }),
);

/**
 * A contact's fields besides its number [official], in the order of the
 * docs' request example. `shortUrlPartnr` appears in the examples without a
 * description: it is kept like `url`.
 */
export const contactDetailsShape = {
  firstname: text('first name', CONTACT_NAME_MAX),
  lastname: text('last name', CONTACT_NAME_MAX),
  date: contactDateField,
  shortUrlPartnr: url('short URL'),
  url: url('URL'),
  custom1: text('custom1 field', CONTACT_CUSTOM_MAX),
  custom2: text('custom2 field', CONTACT_CUSTOM_MAX),
  custom3: text('custom3 field', CONTACT_CUSTOM_MAX),
  custom4: text('custom4 field', CONTACT_CUSTOM_MAX),
};

/** A contact as Add Contact's `contact` and each Add Bulk Contacts item carry it: the number is required. */
export const newContact = z.object(
  { phoneNumber: phoneNumberField, ...contactDetailsShape },
  { error: 'The contact must be an object of contact fields' },
);
export type NewContact = z.input<typeof newContact>;

/** Edit Contact's `contact`: every field optional, the ones sent change (an empty string clears one). */
export const contactChanges = z.object(
  { phoneNumber: z.optional(phoneNumberField), ...contactDetailsShape },
  { error: 'The contact must be an object of contact fields' },
);
export type ContactChanges = z.input<typeof contactChanges>;

/** The optional fields of a contact, by name, as the mock stores and echoes them. */
export const CONTACT_DETAIL_FIELDS = Object.keys(contactDetailsShape) as (keyof typeof contactDetailsShape)[];

/**
 * A contact as Add Contact and Edit Contact echo it [official]: `phoneNumber`
 * (not `phone`), the fields sent, and `contactId` last.
 */
export const contactEcho = z.object({
  phoneNumber: z.optional(z.string()),
  firstname: z.optional(z.string()),
  lastname: z.optional(z.string()),
  date: z.optional(z.string()),
  shortUrlPartnr: z.optional(z.string()),
  url: z.optional(z.string()),
  custom1: z.optional(z.string()),
  custom2: z.optional(z.string()),
  custom3: z.optional(z.string()),
  custom4: z.optional(z.string()),
  contactId: wireId,
});
export type ContactEcho = z.infer<typeof contactEcho>;

/**
 * A contact as Get Contact List and Get Contact Details show it [official]:
 * `phone` (not `phoneNumber`), `shortUrl` (not `shortUrlPartnr`), every field
 * present, empty ones as `""`, `createdAt` in ISO 8601 with its offset, and
 * `stopSms`.
 */
export const contactRecord = z.object({
  contactId: wireId,
  phone: z.string(),
  firstname: z.string(),
  lastname: z.string(),
  url: z.string(),
  shortUrl: z.string(),
  date: z.string(),
  custom1: z.string(),
  custom2: z.string(),
  custom3: z.string(),
  custom4: z.string(),
  createdAt: z.string(),
  stopSms: z.boolean(),
});
export type ContactRecord = z.infer<typeof contactRecord>;

import {
  type BulkContactErrors,
  CONTACT_DETAIL_FIELDS,
  type ContactEcho,
  type ContactRecord,
  checkPhoneNumber,
  elementIdFor,
  newContact,
  type ValidationIssue,
} from '@smspartner-kit/schema';
import type { ContactField, ContactFields, StoredContact } from '../state/contacts.js';

/**
 * The contact family's rules, pure: how a contact's fields are stored, echoed
 * and shown, how a number is checked, and how one Add Bulk Contacts item is
 * judged before the book sees it.
 */

type Details = Partial<Record<ContactField, string>>;

/** The code-9 item for a contact number that is no number (checked like a send's recipient). */
export function invalidNumberIssue(): ValidationIssue {
  return {
    elementId: elementIdFor('contact', 'phoneNumber'),
    message: 'The phone number is not a valid mobile number (French national, or international with +)',
  };
}

/** A number in E.164, or undefined when it is none (French national or international, as for sends). */
export function e164Of(phoneNumber: string): string | undefined {
  const checked = checkPhoneNumber(phoneNumber);
  return checked.valid ? checked.e164 : undefined;
}

/** The stored fields of a new contact: its number in E.164, every field not sent as "". */
export function storedFields(phone: string, details: Details): ContactFields {
  const fields = { phone } as ContactFields;
  for (const field of CONTACT_DETAIL_FIELDS) fields[field] = details[field] ?? '';
  return fields;
}

/**
 * How Add Contact and Edit Contact echo a contact [official]: `phoneNumber`
 * (in E.164, as stored) when it was sent, the other fields sent, in the docs'
 * order, and `contactId` last.
 */
export function contactEchoOf(contactId: string, phone: string | undefined, details: Details): ContactEcho {
  const echo: Record<string, string> = {};
  if (phone !== undefined) echo.phoneNumber = phone;
  for (const field of CONTACT_DETAIL_FIELDS) {
    const value = details[field];
    if (value !== undefined) echo[field] = value;
  }
  return { ...echo, contactId };
}

/**
 * How Get Contact List and Get Contact Details show a contact [official]:
 * `phone`, `shortUrl`, every field (empty ones as ""), and `stopSms` as the
 * account's STOP list says now.
 */
export function contactRecordOf(
  contact: StoredContact,
  stopList: { has(phoneNumber: string): boolean },
): ContactRecord {
  return {
    contactId: contact.id,
    phone: contact.phone,
    firstname: contact.firstname,
    lastname: contact.lastname,
    url: contact.url,
    shortUrl: contact.shortUrlPartnr,
    date: contact.date,
    custom1: contact.custom1,
    custom2: contact.custom2,
    custom3: contact.custom3,
    custom4: contact.custom4,
    createdAt: contact.createdAt,
    stopSms: stopList.has(contact.phone),
  };
}

/** A group id as Get Contact Details writes it: an integer (`6363`) when it is digits, as the page shows. */
export function groupIdOnDetail(groupId: string): string | number {
  return /^\d{1,15}$/.test(groupId) ? Number(groupId) : groupId;
}

/** The report counter an item's problem falls under; `null` for a problem the report has no counter for. */
export type BulkCounter = keyof BulkContactErrors | null;

/** How one Add Bulk Contacts item reads, before the account's STOP list and the group are looked at. */
export type BulkItem =
  | { readonly ok: true; readonly phone: string; readonly fields: ContactFields }
  | {
      readonly ok: false;
      /** The number as the result shows it: E.164 when it is one, else as given ("" when absent). */
      readonly phoneNumber: string;
      readonly code: 2 | 9;
      readonly counter: BulkCounter;
      readonly message: string;
    };

const COUNTER_BY_FIELD: Readonly<Record<string, keyof BulkContactErrors>> = {
  url: 'urlInvalide',
  shortUrlPartnr: 'urlInvalide',
  date: 'dateInvalide',
};

/**
 * Judges one item the way the report counts it, first problem first: no
 * number (`empty`, code 2), a number that is none (`invalidePhone`), a bad
 * url (`urlInvalide`), a bad date (`dateInvalide`), any other field over its
 * limit (code 9, no counter: the report has none for it).
 */
export function readBulkItem(raw: unknown): BulkItem {
  const given =
    typeof raw === 'object' && raw !== null ? (raw as { phoneNumber?: unknown }).phoneNumber : undefined;
  const phoneNumber = typeof given === 'string' ? given : '';
  if (phoneNumber.trim() === '') {
    return { ok: false, phoneNumber, code: 2, counter: 'empty', message: 'The phone number is required' };
  }
  const phone = e164Of(phoneNumber);
  if (phone === undefined) {
    return {
      ok: false,
      phoneNumber,
      code: 9,
      counter: 'invalidePhone',
      message: invalidNumberIssue().message,
    };
  }
  const parsed = newContact.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const counted =
      issues.find((issue) => COUNTER_BY_FIELD[String(issue.path[0])] === 'urlInvalide') ??
      issues.find((issue) => COUNTER_BY_FIELD[String(issue.path[0])] === 'dateInvalide');
    const issue = counted ?? issues[0];
    return {
      ok: false,
      phoneNumber: phone,
      code: 9,
      counter: counted ? (COUNTER_BY_FIELD[String(counted.path[0])] as keyof BulkContactErrors) : null,
      message: issue?.message ?? 'Invalid contact',
    };
  }
  return { ok: true, phone, fields: storedFields(phone, parsed.data) };
}

/** A report with every counter at zero. */
export function emptyBulkErrors(): BulkContactErrors {
  return {
    stopSms: 0,
    invalidePhone: 0,
    duplicatePhone: 0,
    allreadyInGroupe: 0,
    urlInvalide: 0,
    dateInvalide: 0,
    empty: 0,
    unactivated: 0,
    dateInvalid: 0,
  };
}

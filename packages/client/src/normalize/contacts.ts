import type {
  AddBulkContactsResponse,
  AddGroupResponse,
  ContactEcho,
  ContactRecord,
  GetContactResponse,
  ListContactsResponse,
  ListGroupsResponse,
} from '@smspartner-kit/schema';

/**
 * The contact family's wire quirks, undone (contacts.md): Add Group answers
 * `code: 2` on success; the group list's documented sample says
 * `success: false` and has no `code`; Add Bulk Contacts answers a bare report
 * under French keys; contacts carry `phoneNumber` on add/update but `phone`
 * on list/detail, `shortUrlPartnr` on the way in but `shortUrl` on the way
 * out; ids are strings, but Get Contact Details' `groupId` is an integer;
 * `total` is a string. Pure functions, not wired into the client yet.
 */

/** Whether a value is a plain object. */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Add Group's success: `{success: true, code: 2}`, as documented (200 read the same). */
export function isAddGroupSuccess(body: unknown): boolean {
  return isRecord(body) && body.success === true && (body.code === 2 || body.code === 200);
}

/**
 * The group list's success: `{groups: […]}` with `success` true or, as the
 * docs' sample has it, false, and no `code` (an error envelope has one).
 */
export function isGroupListSuccess(body: unknown): boolean {
  return isRecord(body) && Array.isArray(body.groups) && (body.success === true || body.code === undefined);
}

/** Add Bulk Contacts' success: the bare report, without `success` or `code`. */
export function isBulkContactsReport(body: unknown): boolean {
  return isRecord(body) && body.success === undefined && isRecord(body.groupe) && Array.isArray(body.results);
}

/** An id as the client hands it out: always a string (the API sends strings, and one integer). */
export function idOf(value: string | number): string {
  return String(value);
}

/** A group in one shape. */
export interface Group {
  groupId: string;
  name: string;
  /** ISO 8601 with offset; absent right after Add Group. */
  createdAt?: string;
  /** A group filled by contact rental. */
  isLocationFile?: boolean;
  isSpecialFile?: boolean;
}

/** Add Group's answer as a {@link Group}. */
export function normalizeAddedGroup(result: AddGroupResponse): Group {
  return { groupId: idOf(result.groupId), name: result.name };
}

/** The group list as {@link Group}s (whatever its `success` said). */
export function normalizeGroups(result: ListGroupsResponse): Group[] {
  return result.groups.map((group) => ({
    groupId: idOf(group.id),
    name: group.name,
    createdAt: group.createdAt,
    isLocationFile: group.isLocationFile,
    isSpecialFile: group.isSpecialFile,
  }));
}

/** A contact in one shape, whichever endpoint it came from. Empty fields are absent. */
export interface Contact {
  contactId: string;
  /** E.164 as the mock stores it (`phoneNumber` on add/update, `phone` on list/detail). */
  phoneNumber?: string;
  firstname?: string;
  lastname?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  url?: string;
  /** `shortUrlPartnr` on the way in, `shortUrl` on the way out. */
  shortUrl?: string;
  custom1?: string;
  custom2?: string;
  custom3?: string;
  custom4?: string;
  /** List and detail only. */
  createdAt?: string;
  stopSms?: boolean;
  /** Detail only (an integer on the wire). */
  groupId?: string;
}

type AnyContact = ContactEcho | ContactRecord | GetContactResponse['contact'];

const TEXT_FIELDS = [
  'firstname',
  'lastname',
  'date',
  'url',
  'custom1',
  'custom2',
  'custom3',
  'custom4',
] as const;

/** Any contact of the family's answers as a {@link Contact}. */
export function normalizeContact(contact: AnyContact): Contact {
  const out: Contact = { contactId: idOf(contact.contactId) };
  const phone = 'phone' in contact ? contact.phone : contact.phoneNumber;
  if (phone) out.phoneNumber = phone;
  for (const field of TEXT_FIELDS) {
    const value = contact[field];
    if (value) out[field] = value;
  }
  const shortUrl = 'shortUrl' in contact ? contact.shortUrl : contact.shortUrlPartnr;
  if (shortUrl) out.shortUrl = shortUrl;
  if ('createdAt' in contact) out.createdAt = contact.createdAt;
  if ('stopSms' in contact) out.stopSms = contact.stopSms;
  if ('groupId' in contact) out.groupId = idOf(contact.groupId);
  return out;
}

/** One page of a group's contacts, `total` as a number. */
export interface ContactPage {
  page: number;
  /** Contacts in the group (a string on the wire). */
  total: number;
  contacts: Contact[];
}

export function normalizeContactPage(result: ListContactsResponse): ContactPage {
  return {
    page: result.currentPage,
    total: Number(result.total),
    contacts: result.datas.map(normalizeContact),
  };
}

/** Add Bulk Contacts' report, in English keys. */
export interface BulkContactsReport {
  group: Group;
  results: { phoneNumber: string; success: boolean; code: number; message?: string; contactId?: string }[];
  lines: number;
  imported: number;
  updated: number;
  errors: {
    stopSms: number;
    invalidPhone: number;
    duplicatePhone: number;
    alreadyInGroup: number;
    invalidUrl: number;
    /** `dateInvalide` and `dateInvalid`, which the API sends both. */
    invalidDate: number;
    empty: number;
    unactivated: number;
  };
}

export function normalizeBulkContactsReport(result: AddBulkContactsResponse): BulkContactsReport {
  const { errors } = result.rapport;
  return {
    group: { groupId: idOf(result.groupe.token), name: result.groupe.name },
    results: result.results.map(({ phoneNumber, success, code, message, contactId }) => ({
      phoneNumber,
      success,
      code,
      ...(message !== undefined ? { message } : {}),
      ...(contactId !== undefined ? { contactId: idOf(contactId) } : {}),
    })),
    lines: result.rapport.nbline,
    imported: result.rapport.nbline_imported,
    updated: result.rapport.nbline_updated,
    errors: {
      stopSms: errors.stopSms,
      invalidPhone: errors.invalidePhone,
      duplicatePhone: errors.duplicatePhone,
      alreadyInGroup: errors.allreadyInGroupe,
      invalidUrl: errors.urlInvalide,
      invalidDate: errors.dateInvalide + errors.dateInvalid,
      empty: errors.empty,
      unactivated: errors.unactivated,
    },
  };
}

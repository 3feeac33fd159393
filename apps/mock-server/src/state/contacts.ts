import { type CONTACT_DETAIL_FIELDS, formatParisIsoDateTime } from '@smspartner-kit/schema';
import type { Account } from './accounts.js';

/** The optional fields of a contact (`firstname` … `custom4`), as the docs name them on the way in. */
export type ContactField = (typeof CONTACT_DETAIL_FIELDS)[number];

/** A contact's fields as the book stores them: the number in E.164, every other field text ("" when empty). */
export type ContactFields = { phone: string } & Record<ContactField, string>;

/** One contact of a group. Fields change only through {@link ContactBook.editContact}. */
export interface StoredContact extends Readonly<ContactFields> {
  readonly id: string;
  readonly groupId: string;
  /** ISO 8601 with Paris's offset, written once when the contact is added (the answers' `createdAt`). */
  readonly createdAt: string;
}

/** One group and its contacts, oldest first. */
export interface StoredGroup {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 with Paris's offset (the group list's `createdAt`). */
  readonly createdAt: string;
  readonly size: number;
}

/** The store's bounds on contacts (the mock's, see the README). */
export interface ContactLimits {
  /** Groups over every account. */
  readonly groups: number;
  /** Contacts over every account. */
  readonly contacts: number;
}

export const DEFAULT_CONTACT_LIMITS: ContactLimits = { groups: 100_000, contacts: 1_000_000 };

/** Why the book refused to add or change a contact. */
export type ContactRefusal = 'no-group' | 'no-contact' | 'duplicate' | 'store-full' | 'id-taken';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

class ContactRecord implements StoredContact {
  phone: string;
  firstname: string;
  lastname: string;
  date: string;
  shortUrlPartnr: string;
  url: string;
  custom1: string;
  custom2: string;
  custom3: string;
  custom4: string;

  constructor(
    readonly id: string,
    readonly group: GroupRecord,
    /** Increases with every contact added: the order of a group's list. */
    readonly seq: number,
    readonly createdAt: string,
    fields: ContactFields,
  ) {
    this.phone = fields.phone;
    this.firstname = fields.firstname;
    this.lastname = fields.lastname;
    this.date = fields.date;
    this.shortUrlPartnr = fields.shortUrlPartnr;
    this.url = fields.url;
    this.custom1 = fields.custom1;
    this.custom2 = fields.custom2;
    this.custom3 = fields.custom3;
    this.custom4 = fields.custom4;
  }

  get groupId(): string {
    return this.group.id;
  }

  /** As shown (the admin API, snapshots): its fields, never the group it points back to. */
  toJSON(): StoredContact {
    const { group: _group, seq: _seq, ...fields } = this;
    return { ...fields, groupId: this.groupId };
  }
}

class GroupRecord implements StoredGroup {
  /** The group's contacts in the order they were added: a page is a slice. */
  readonly contacts: ContactRecord[] = [];
  /** The group's contacts by E.164 number: a number is in a group at most once. */
  readonly byPhone = new Map<string, ContactRecord>();

  constructor(
    readonly id: string,
    readonly name: string,
    readonly createdAt: string,
  ) {}

  get size(): number {
    return this.contacts.length;
  }

  /** As shown (the admin API, snapshots): the group, not its indexes. */
  toJSON(): StoredGroup {
    return { id: this.id, name: this.name, createdAt: this.createdAt, size: this.size };
  }

  /** Where a contact sits in {@link contacts} (sorted by `seq`): a binary search. */
  indexOf(contact: ContactRecord): number {
    let low = 0;
    let high = this.contacts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const seq = (this.contacts[middle] as ContactRecord).seq;
      if (seq === contact.seq) return middle;
      if (seq < contact.seq) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** One account's groups and contacts, by id. */
class AccountContacts {
  readonly groups = new Map<string, GroupRecord>();
  readonly contacts = new Map<string, ContactRecord>();
}

/** A page of a group's contacts. */
export interface ContactPage {
  /** Contacts in the group. */
  readonly total: number;
  readonly contacts: readonly StoredContact[];
}

/**
 * Every account's groups and contacts, and the only code that changes them.
 * Groups own their contacts: a contact belongs to exactly one group, a number
 * is in a group at most once (in several groups, once each), and deleting a
 * group deletes its contacts. Ids are opaque strings of digits, unique across
 * accounts; another account's ids are unknown ids here.
 */
export class ContactBook {
  #nextGroupId = 1000;
  #nextContactId = 1_000_000;
  #seq = 0;
  #groups = 0;
  #contacts = 0;
  readonly #books = new Map<Account, AccountContacts>();

  constructor(readonly limits: ContactLimits = DEFAULT_CONTACT_LIMITS) {}

  /** How full the book is, against its limits. */
  usage(): { groups: number; contacts: number; limits: ContactLimits } {
    return { groups: this.#groups, contacts: this.#contacts, limits: this.limits };
  }

  /** Forgets everything (a full reset): ids from the start again. */
  clear(): void {
    this.#books.clear();
    this.#nextGroupId = 1000;
    this.#nextContactId = 1_000_000;
    this.#seq = 0;
    this.#groups = 0;
    this.#contacts = 0;
  }

  /** Forgets one account's groups and contacts (its reset, or its removal). */
  forget(account: Account): void {
    const book = this.#books.get(account);
    if (!book) return;
    this.#groups -= book.groups.size;
    this.#contacts -= book.contacts.size;
    this.#books.delete(account);
  }

  #book(account: Account): AccountContacts {
    let book = this.#books.get(account);
    if (!book) {
      book = new AccountContacts();
      this.#books.set(account, book);
    }
    return book;
  }

  /** Whether `count` more contacts fit in the store. */
  hasRoomFor(count: number): boolean {
    return this.#contacts + count <= this.limits.contacts;
  }

  /**
   * Creates a group. `id` is for provider states and tests that need a known
   * id; the API never chooses one.
   */
  createGroup(
    account: Account,
    name: string,
    now: number,
    id?: string,
  ): { ok: true; group: StoredGroup } | { ok: false; reason: 'store-full' | 'id-taken' } {
    if (this.#groups >= this.limits.groups) return { ok: false, reason: 'store-full' };
    const book = this.#book(account);
    if (id !== undefined && book.groups.has(id)) return { ok: false, reason: 'id-taken' };
    let groupId = id;
    while (groupId === undefined || (id === undefined && book.groups.has(groupId)))
      groupId = String(this.#nextGroupId++);
    const group = new GroupRecord(groupId, name, formatParisIsoDateTime(now));
    book.groups.set(groupId, group);
    this.#groups++;
    return { ok: true, group };
  }

  /** Deletes a group and every contact in it; false when the account has no such group. */
  dropGroup(account: Account, groupId: string): boolean {
    const book = this.#books.get(account);
    const group = book?.groups.get(groupId);
    if (!book || !group) return false;
    for (const contact of group.contacts) book.contacts.delete(contact.id);
    this.#contacts -= group.contacts.length;
    book.groups.delete(groupId);
    this.#groups--;
    return true;
  }

  /** The account's groups, oldest first. */
  groups(account: Account): readonly StoredGroup[] {
    return [...(this.#books.get(account)?.groups.values() ?? [])];
  }

  group(account: Account, groupId: string): StoredGroup | undefined {
    return this.#books.get(account)?.groups.get(groupId);
  }

  /**
   * Adds a contact to a group: refused when the account has no such group,
   * when the number is already in it, or when the store is full. `id` as for
   * {@link createGroup}.
   */
  insertContact(
    account: Account,
    groupId: string,
    fields: ContactFields,
    now: number,
    id?: string,
  ): { ok: true; contact: StoredContact } | { ok: false; reason: ContactRefusal } {
    const book = this.#books.get(account);
    const group = book?.groups.get(groupId);
    if (!book || !group) return { ok: false, reason: 'no-group' };
    if (group.byPhone.has(fields.phone)) return { ok: false, reason: 'duplicate' };
    if (!this.hasRoomFor(1)) return { ok: false, reason: 'store-full' };
    if (id !== undefined && book.contacts.has(id)) return { ok: false, reason: 'id-taken' };
    let contactId = id;
    while (contactId === undefined || (id === undefined && book.contacts.has(contactId)))
      contactId = String(this.#nextContactId++);
    const contact = new ContactRecord(contactId, group, ++this.#seq, formatParisIsoDateTime(now), fields);
    group.contacts.push(contact);
    group.byPhone.set(contact.phone, contact);
    book.contacts.set(contactId, contact);
    this.#contacts++;
    return { ok: true, contact };
  }

  /**
   * Changes the fields given (an empty string clears one); a new number must
   * not be another contact's of the same group.
   */
  editContact(
    account: Account,
    contactId: string,
    changes: Partial<ContactFields>,
  ): { ok: true; contact: StoredContact } | { ok: false; reason: 'no-contact' | 'duplicate' } {
    const contact = this.#books.get(account)?.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'no-contact' };
    const { group } = contact;
    const phone = changes.phone;
    if (phone !== undefined && phone !== contact.phone) {
      if (group.byPhone.has(phone)) return { ok: false, reason: 'duplicate' };
      group.byPhone.delete(contact.phone);
      group.byPhone.set(phone, contact);
    }
    const target: Mutable<ContactFields> = contact;
    for (const [field, value] of Object.entries(changes) as [keyof ContactFields, string | undefined][]) {
      if (value !== undefined) target[field] = value;
    }
    return { ok: true, contact };
  }

  /** Deletes a contact; false when the account has no such contact. */
  dropContact(account: Account, contactId: string): boolean {
    const book = this.#books.get(account);
    const contact = book?.contacts.get(contactId);
    if (!book || !contact) return false;
    const { group } = contact;
    group.contacts.splice(group.indexOf(contact), 1);
    group.byPhone.delete(contact.phone);
    book.contacts.delete(contactId);
    this.#contacts--;
    return true;
  }

  contact(account: Account, contactId: string): StoredContact | undefined {
    return this.#books.get(account)?.contacts.get(contactId);
  }

  /** Page `page` (from 1) of a group's contacts, `size` a page, oldest first; undefined for an unknown group. */
  page(account: Account, groupId: string, page: number, size: number): ContactPage | undefined {
    const group = this.#books.get(account)?.groups.get(groupId);
    if (!group) return undefined;
    const start = (page - 1) * size;
    return {
      total: group.contacts.length,
      contacts: start < group.contacts.length ? group.contacts.slice(start, start + size) : [],
    };
  }
}

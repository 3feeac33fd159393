import { CONTACT_DETAIL_FIELDS } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { Account, parseConfig } from '../../src/index.ts';
import {
  contactEchoOf,
  contactRecordOf,
  e164Of,
  groupIdOnDetail,
  readBulkItem,
  storedFields,
} from '../../src/rules/contacts.ts';
import { ContactBook } from '../../src/state/contacts.ts';
import { StopIds, StopList } from '../../src/state/stop-list.ts';
import { T0 } from '../helpers.ts';

const settings = parseConfig({ accounts: [{ apiKey: 'k' }] }).accounts[0] as ReturnType<
  typeof parseConfig
>['accounts'][number];
const accountOf = (apiKey: string) =>
  new Account(apiKey, settings, new StopList(new StopIds(100)), 0, 38_000);
const fields = (phone: string, details: Record<string, string> = {}) => storedFields(phone, details);

describe('ContactBook: groups own their contacts', () => {
  test('ids are strings of digits, unique across accounts; another account cannot see them', () => {
    const book = new ContactBook();
    const [a, b] = [accountOf('a'), accountOf('b')];
    const groupA = book.createGroup(a, 'A', T0);
    const groupB = book.createGroup(b, 'B', T0);
    if (!groupA.ok || !groupB.ok) throw new Error('no group');
    expect([groupA.group.id, groupB.group.id]).toEqual(['1000', '1001']);
    const contact = book.insertContact(a, groupA.group.id, fields('+33600000001'), T0);
    if (!contact.ok) throw new Error('no contact');
    expect(contact.contact.id).toBe('1000000');
    expect(book.contact(b, contact.contact.id)).toBeUndefined();
    expect(book.insertContact(b, groupA.group.id, fields('+33600000001'), T0)).toEqual({
      ok: false,
      reason: 'no-group',
    });
    expect(book.dropGroup(b, groupA.group.id)).toBe(false);
    expect(book.page(a, groupA.group.id, 1, 20)?.total).toBe(1);
  });

  test('a number once per group, in many groups once each; deleting a group deletes its contacts only', () => {
    const book = new ContactBook();
    const account = accountOf('a');
    const one = book.createGroup(account, 'one', T0);
    const two = book.createGroup(account, 'two', T0);
    if (!one.ok || !two.ok) throw new Error('no group');
    const first = book.insertContact(account, one.group.id, fields('+33600000001'), T0);
    expect(book.insertContact(account, one.group.id, fields('+33600000001'), T0)).toEqual({
      ok: false,
      reason: 'duplicate',
    });
    const other = book.insertContact(account, two.group.id, fields('+33600000001'), T0);
    if (!first.ok || !other.ok) throw new Error('no contact');
    expect(book.usage()).toMatchObject({ groups: 2, contacts: 2 });
    expect(book.dropGroup(account, one.group.id)).toBe(true);
    expect(book.contact(account, first.contact.id)).toBeUndefined();
    expect(book.contact(account, other.contact.id)?.phone).toBe('+33600000001');
    expect(book.usage()).toMatchObject({ groups: 1, contacts: 1 });
  });

  test('pages are slices in insertion order, and stay so when contacts in the middle go', () => {
    const book = new ContactBook();
    const account = accountOf('a');
    const group = book.createGroup(account, 'g', T0);
    if (!group.ok) throw new Error('no group');
    const ids: string[] = [];
    for (let index = 0; index < 50; index++) {
      const added = book.insertContact(
        account,
        group.group.id,
        fields(`+3360000${String(index).padStart(4, '0')}`),
        T0,
      );
      if (added.ok) ids.push(added.contact.id);
    }
    for (const index of [0, 7, 25, 49]) book.dropContact(account, ids[index] as string);
    const kept = ids.filter((_, index) => ![0, 7, 25, 49].includes(index));
    const page = (number: number) =>
      book.page(account, group.group.id, number, 20)?.contacts.map((contact) => contact.id);
    expect([...(page(1) ?? []), ...(page(2) ?? []), ...(page(3) ?? [])]).toEqual(kept);
    expect(page(4)).toEqual([]);
    expect(book.page(account, group.group.id, 1, 20)?.total).toBe(46);
    expect(book.page(account, 'nope', 1, 20)).toBeUndefined();
  });

  test('an update changes the fields given, refuses a number another contact of the group has, keeps its own', () => {
    const book = new ContactBook();
    const account = accountOf('a');
    const group = book.createGroup(account, 'g', T0);
    if (!group.ok) throw new Error('no group');
    const one = book.insertContact(
      account,
      group.group.id,
      fields('+33600000001', { firstname: 'A', custom1: 'x' }),
      T0,
    );
    book.insertContact(account, group.group.id, fields('+33600000002'), T0);
    if (!one.ok) throw new Error('no contact');
    expect(book.editContact(account, one.contact.id, { phone: '+33600000002' })).toEqual({
      ok: false,
      reason: 'duplicate',
    });
    expect(book.editContact(account, one.contact.id, { phone: '+33600000001', custom1: '' })).toMatchObject({
      ok: true,
    });
    expect(book.editContact(account, one.contact.id, { phone: '+33600000003' })).toMatchObject({
      ok: true,
    });
    expect(book.insertContact(account, group.group.id, fields('+33600000001'), T0)).toMatchObject({
      ok: true,
    });
    expect(book.contact(account, one.contact.id)).toMatchObject({
      phone: '+33600000003',
      firstname: 'A',
      custom1: '',
    });
    expect(book.editContact(account, 'nope', { firstname: 'x' })).toEqual({
      ok: false,
      reason: 'no-contact',
    });
  });

  test('bounds: a full store refuses groups and contacts; forget and clear give the room back', () => {
    const book = new ContactBook({ groups: 1, contacts: 1 });
    const account = accountOf('a');
    const group = book.createGroup(account, 'g', T0);
    if (!group.ok) throw new Error('no group');
    expect(book.createGroup(account, 'h', T0)).toEqual({ ok: false, reason: 'store-full' });
    book.insertContact(account, group.group.id, fields('+33600000001'), T0);
    expect(book.insertContact(account, group.group.id, fields('+33600000002'), T0)).toEqual({
      ok: false,
      reason: 'store-full',
    });
    book.forget(account);
    expect(book.usage()).toMatchObject({ groups: 0, contacts: 0 });
    expect(book.createGroup(account, 'again', T0, '6363')).toMatchObject({ ok: true, group: { id: '6363' } });
    expect(book.createGroup(account, 'twice', T0, '6363')).toEqual({ ok: false, reason: 'store-full' });
    book.clear();
    expect(book.createGroup(account, 'x', T0)).toMatchObject({ ok: true, group: { id: '1000' } });
  });

  test('an id asked for (provider states) is refused when taken, and generated ids skip it', () => {
    const book = new ContactBook();
    const account = accountOf('a');
    expect(book.createGroup(account, 'x', T0, '1000')).toMatchObject({ ok: true });
    expect(book.createGroup(account, 'y', T0, '1000')).toEqual({ ok: false, reason: 'id-taken' });
    expect(book.createGroup(account, 'z', T0)).toMatchObject({ ok: true, group: { id: '1001' } });
  });

  test('as JSON (admin API, snapshots) a contact and a group show their fields, never their indexes', () => {
    const book = new ContactBook();
    const account = accountOf('a');
    const group = book.createGroup(account, 'g', T0);
    if (!group.ok) throw new Error('no group');
    book.insertContact(account, group.group.id, fields('+33600000001'), T0);
    expect(JSON.parse(JSON.stringify(book.groups(account)))).toEqual([
      { id: '1000', name: 'g', createdAt: '2030-01-15T09:00:00+01:00', size: 1 },
    ]);
    expect(
      Object.keys(JSON.parse(JSON.stringify(book.page(account, '1000', 1, 1)?.contacts[0]))).sort(),
    ).toEqual(['id', 'groupId', 'createdAt', 'phone', ...CONTACT_DETAIL_FIELDS].sort());
  });
});

describe('contact rules', () => {
  test.each([
    ['0600000001', '+33600000001'],
    ['06 00 00 00 01', '+33600000001'],
    ['+33600000001', '+33600000001'],
    ['+4915123456789', '+4915123456789'],
    ['4915123456789', undefined],
    ['0123', undefined],
    ['', undefined],
  ])('the number %o is stored as %o', (given, stored) => {
    expect(e164Of(given)).toBe(stored);
  });

  test('the echo holds the number when sent, the fields sent in the docs order, the id last', () => {
    expect(contactEchoOf('7', '+33600000001', { url: '', firstname: 'A' })).toEqual({
      phoneNumber: '+33600000001',
      firstname: 'A',
      url: '',
      contactId: '7',
    });
    expect(Object.keys(contactEchoOf('7', undefined, { custom2: 'c', date: '2020-06-12' }))).toEqual([
      'date',
      'custom2',
      'contactId',
    ]);
  });

  test("the record shows stopSms from the account's STOP list as it is now", () => {
    const book = new ContactBook();
    const account = accountOf('a');
    const group = book.createGroup(account, 'g', T0);
    if (!group.ok) throw new Error('no group');
    const added = book.insertContact(
      account,
      group.group.id,
      fields('+33600000001', { shortUrlPartnr: 'http://s' }),
      T0,
    );
    if (!added.ok) throw new Error('no contact');
    expect(contactRecordOf(added.contact, new Set())).toMatchObject({ stopSms: false, shortUrl: 'http://s' });
    expect(contactRecordOf(added.contact, new Set(['+33600000001']))).toMatchObject({ stopSms: true });
  });

  test.each([
    ['6363', 6363],
    ['0', 0],
    ['abc', 'abc'],
    ['1234567890123456', '1234567890123456'],
  ])('Get Contact Details writes the group id %o as %o', (groupId, written) => {
    expect(groupIdOnDetail(groupId)).toBe(written);
  });

  test.each([
    ['a plain item', { phoneNumber: '0600000001', firstname: 'A' }, { ok: true, phone: '+33600000001' }],
    ['no number', { firstname: 'A' }, { ok: false, code: 2, counter: 'empty', phoneNumber: '' }],
    ['a blank number', { phoneNumber: '  ' }, { ok: false, code: 2, counter: 'empty' }],
    ['not an object', 42, { ok: false, code: 2, counter: 'empty' }],
    ['null', null, { ok: false, code: 2, counter: 'empty' }],
    [
      'a number that is none',
      { phoneNumber: '12' },
      { ok: false, code: 9, counter: 'invalidePhone', phoneNumber: '12' },
    ],
    [
      'a bad url',
      { phoneNumber: '0600000001', url: 'x' },
      { ok: false, code: 9, counter: 'urlInvalide', phoneNumber: '+33600000001' },
    ],
    [
      'a bad short url',
      { phoneNumber: '0600000001', shortUrlPartnr: 'x' },
      { ok: false, code: 9, counter: 'urlInvalide' },
    ],
    [
      'a bad date',
      { phoneNumber: '0600000001', date: '31/12/2023' },
      { ok: false, code: 9, counter: 'dateInvalide' },
    ],
    [
      'a bad url and date: the url counts',
      { phoneNumber: '0600000001', date: 'x', url: 'y' },
      { ok: false, counter: 'urlInvalide' },
    ],
    [
      'a long name',
      { phoneNumber: '0600000001', lastname: 'l'.repeat(33) },
      { ok: false, code: 9, counter: null },
    ],
    [
      'a custom field that is not text',
      { phoneNumber: '0600000001', custom3: 3 },
      { ok: false, code: 9, counter: null },
    ],
  ])('a bulk item: %s', (_label, raw, read) => {
    expect(readBulkItem(raw)).toMatchObject(read);
  });
});

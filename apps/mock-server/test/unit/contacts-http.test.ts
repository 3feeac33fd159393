import { describe, expect, test } from 'vitest';
import { parseConfig, Store } from '../../src/index.ts';
import { call, del, EMPTY, EMPTY_CONTACT_FIELDS, FUNDED, get, post, useMock } from '../helpers.ts';

const server = useMock();
/** A store whose bounds are tiny, for the mock's code 500 (a full store). */
const small = useMock({
  store: new Store(
    parseConfig({ accounts: [{ apiKey: FUNDED, credits: 10 }] }).accounts,
    undefined,
    undefined,
    {
      contactLimits: { groups: 1, contacts: 2 },
    },
  ),
});

const STOPPED = 'contacts-stop-key';
const CREATED = '2030-01-15T09:00:00+01:00';
const NUMBER_ISSUE = {
  elementId: 'children[contact].children[phoneNumber].data',
  message: 'The phone number is not a valid mobile number (French national, or international with +)',
};

async function newGroup(base = server.url, apiKey = FUNDED, name = 'Clients'): Promise<string> {
  const answer = await post(base, '/v1/group/add', { apiKey, name });
  return (answer.json as { groupId: string }).groupId;
}

async function newContact(
  groupId: string,
  contact: Record<string, unknown>,
  apiKey = FUNDED,
): Promise<string> {
  const answer = await post(server.url, '/v1/contact/add', { apiKey, groupId, contact });
  const id = (answer.json as { contact?: { contactId: string } }).contact?.contactId;
  if (id === undefined) throw new Error(`adding a contact answered ${answer.text}`);
  return id;
}

describe('contacts: the round trip, over HTTP in JSON', () => {
  test('group → contact → list → update → detail → delete → group delete', async () => {
    const group = await post(server.url, '/v1/group/add', { apiKey: FUNDED, name: 'Clients' });
    expect(group.json).toEqual({ success: true, code: 2, name: 'Clients', groupId: '1000' });

    const added = await post(server.url, '/v1/contact/add', {
      apiKey: FUNDED,
      groupId: '1000',
      contact: { phoneNumber: '06 00 00 00 01', firstname: 'Marie', lastname: 'Bertrand', custom1: 'vip' },
    });
    expect(added.json).toEqual({
      success: true,
      code: 200,
      contact: {
        phoneNumber: '+33600000001',
        firstname: 'Marie',
        lastname: 'Bertrand',
        custom1: 'vip',
        contactId: '1000000',
      },
    });

    const listed = await get(server.url, '/v1/contact/list', { apiKey: FUNDED, groupId: '1000' });
    expect(listed.json).toEqual({
      success: true,
      code: 200,
      currentPage: 1,
      total: '1',
      datas: [
        {
          contactId: '1000000',
          phone: '+33600000001',
          ...EMPTY_CONTACT_FIELDS,
          firstname: 'Marie',
          lastname: 'Bertrand',
          custom1: 'vip',
          createdAt: CREATED,
          stopSms: false,
        },
      ],
    });

    const updated = await post(server.url, '/v1/contact/update', {
      apiKey: FUNDED,
      contactId: '1000000',
      contact: { firstname: 'Marie-Anne', url: 'https://example.com', date: '12-06-2020', custom1: '' },
    });
    expect(updated.json).toEqual({
      success: true,
      code: 200,
      contact: {
        firstname: 'Marie-Anne',
        date: '2020-06-12',
        url: 'https://example.com',
        custom1: '',
        contactId: '1000000',
      },
    });

    const detail = await get(server.url, '/v1/contact/detail', { apiKey: FUNDED, contactId: '1000000' });
    expect(detail.json).toEqual({
      success: true,
      code: 200,
      contact: {
        contactId: '1000000',
        phone: '+33600000001',
        ...EMPTY_CONTACT_FIELDS,
        firstname: 'Marie-Anne',
        lastname: 'Bertrand',
        url: 'https://example.com',
        date: '2020-06-12',
        createdAt: CREATED,
        stopSms: false,
        groupId: 1000,
      },
    });

    expect(
      (await post(server.url, '/v1/contact/delete', { apiKey: FUNDED, contactId: '1000000' })).json,
    ).toEqual({ success: true, code: 200 });
    expect(
      (await get(server.url, '/v1/contact/detail', { apiKey: FUNDED, contactId: '1000000' })).json,
    ).toEqual({ success: false, code: 404, message: 'The contact does not exist' });

    expect((await get(server.url, '/v1/group/list', { apiKey: FUNDED })).json).toEqual({
      success: true,
      groups: [
        { id: '1000', name: 'Clients', createdAt: CREATED, isSpecialFile: false, isLocationFile: false },
      ],
    });
    expect((await post(server.url, '/v1/group/delete', { apiKey: FUNDED, groupId: '1000' })).json).toEqual({
      success: true,
      code: 200,
    });
    expect((await get(server.url, '/v1/group/list', { apiKey: FUNDED })).json).toEqual({
      success: true,
      groups: [],
    });
    expect((await get(server.url, '/v1/contact/list', { apiKey: FUNDED, groupId: '1000' })).json).toEqual({
      success: false,
      code: 404,
      message: 'The group does not exist',
    });
  });

  test('an integer groupId and contactId are read as their digits (Get Contact Details shows an integer)', async () => {
    const groupId = await newGroup();
    const contactId = await newContact(groupId, { phoneNumber: '+33600000002' });
    const added = await post(server.url, '/v1/contact/add', {
      apiKey: FUNDED,
      groupId: Number(groupId),
      contact: { phoneNumber: '+33600000003' },
    });
    expect(added.json).toMatchObject({ success: true, code: 200 });
    const detail = await post(server.url, '/v1/contact/delete', {
      apiKey: FUNDED,
      contactId: Number(contactId),
    });
    expect(detail.json).toEqual({ success: true, code: 200 });
  });
});

describe('contacts: groups own their contacts', () => {
  test('deleting a group deletes its contacts; the same number in another group stays', async () => {
    const first = await newGroup();
    const second = await newGroup(server.url, FUNDED, 'Prospects');
    const inFirst = await newContact(first, { phoneNumber: '0600000004' });
    const inSecond = await newContact(second, { phoneNumber: '0600000004' });
    await post(server.url, '/v1/group/delete', { apiKey: FUNDED, groupId: first });
    expect(
      (await get(server.url, '/v1/contact/detail', { apiKey: FUNDED, contactId: inFirst })).json,
    ).toMatchObject({ code: 404 });
    expect(
      (await get(server.url, '/v1/contact/detail', { apiKey: FUNDED, contactId: inSecond })).json,
    ).toMatchObject({ code: 200, contact: { phone: '+33600000004', groupId: Number(second) } });
  });

  test("another account's groups and contacts are unknown ids: 404, and nothing changes", async () => {
    const groupId = await newGroup();
    const contactId = await newContact(groupId, { phoneNumber: '0600000005' });
    const other = { apiKey: EMPTY };
    expect((await get(server.url, '/v1/group/list', other)).json).toEqual({ success: true, groups: [] });
    for (const [method, path, params] of [
      ['GET', '/v1/contact/list', { groupId }],
      ['GET', '/v1/contact/detail', { contactId }],
      ['POST', '/v1/contact/update', { contactId, contact: { firstname: 'x' } }],
      ['POST', '/v1/contact/delete', { contactId }],
      ['POST', '/v1/contact/add', { groupId, contact: { phoneNumber: '0600000006' } }],
      ['POST', '/v1/group/delete', { groupId }],
    ] as const) {
      expect((await call(server.url, method, path, { ...other, ...params })).json).toMatchObject({
        success: false,
        code: 404,
      });
    }
    expect((await get(server.url, '/v1/contact/list', { apiKey: FUNDED, groupId })).json).toMatchObject({
      total: '1',
      datas: [{ contactId, firstname: '' }],
    });
  });
});

describe('contacts: Get Contact List pages hold 20 contacts', () => {
  test('45 contacts are pages of 20, 20 and 5; past the last an empty page; a bad page reads as 1', async () => {
    const groupId = await newGroup();
    const contactsList = Array.from({ length: 45 }, (_, index) => ({
      phoneNumber: `06${String(10_000_000 + index).slice(-8)}`,
    }));
    const bulk = await post(server.url, '/v1/contact/add', { apiKey: FUNDED, groupId, contactsList });
    expect(bulk.json).toMatchObject({ rapport: { nbline: 45, nbline_imported: 45 } });
    const page = async (value: string | number | undefined) =>
      (await get(server.url, '/v1/contact/list', { apiKey: FUNDED, groupId, page: value })).json as {
        currentPage: number;
        total: string;
        datas: { phone: string }[];
      };
    const sizes = [];
    for (const value of [1, 2, 3, 4])
      sizes.push([(await page(value)).currentPage, (await page(value)).datas.length]);
    expect(sizes).toEqual([
      [1, 20],
      [2, 20],
      [3, 5],
      [4, 0],
    ]);
    expect((await page(3)).datas.map((contact) => contact.phone)).toEqual(
      contactsList.slice(40).map((contact) => `+33${contact.phoneNumber.slice(1)}`),
    );
    for (const bad of ['abc', 0, -2, '1.5', undefined]) {
      expect(await page(bad)).toMatchObject({ currentPage: 1, total: '45' });
    }
  });
});

describe('contacts: Add Bulk Contacts, its report under the literal French keys', () => {
  test('every counter, each item judged on its own; failed items leave the others in', async () => {
    server.store.upsertAccount(STOPPED, 100, { stopList: ['0600000009'] });
    const groupId = await newGroup(server.url, STOPPED, 'Import');
    await post(server.url, '/v1/contact/add', {
      apiKey: STOPPED,
      groupId,
      contact: { phoneNumber: '0600000002' },
    });
    const answer = await post(server.url, '/v1/contact/add', {
      apiKey: STOPPED,
      groupId,
      contactsList: [
        { phoneNumber: '0600000001', firstname: 'A', date: '2023-01-01', custom1: 'email' },
        { phoneNumber: '+33600000001' },
        { phoneNumber: '0600000002' },
        { firstname: 'no number' },
        { phoneNumber: '12' },
        { phoneNumber: '0600000003', url: 'example.com' },
        { phoneNumber: '0600000004', date: '2023-02-30' },
        { phoneNumber: '0600000005', firstname: 'x'.repeat(33) },
        { phoneNumber: '0600000009' },
        'not an object',
      ],
    });
    expect(answer.json).toEqual({
      groupe: { name: 'Import', token: groupId },
      results: [
        { success: true, code: 200, phoneNumber: '+33600000001', contactId: '1000001' },
        {
          success: false,
          code: 15,
          phoneNumber: '+33600000001',
          message: 'The phone number already exists in the group',
        },
        {
          success: false,
          code: 15,
          phoneNumber: '+33600000002',
          message: 'The phone number already exists in the group',
        },
        { success: false, code: 2, phoneNumber: '', message: 'The phone number is required' },
        { success: false, code: 9, phoneNumber: '12', message: NUMBER_ISSUE.message },
        {
          success: false,
          code: 9,
          phoneNumber: '+33600000003',
          message: 'The URL must start with http:// or https://',
        },
        {
          success: false,
          code: 9,
          phoneNumber: '+33600000004',
          message: 'The date must be a real date written YYYY-MM-DD',
        },
        {
          success: false,
          code: 9,
          phoneNumber: '+33600000005',
          message: 'The first name cannot be longer than 32 characters',
        },
        {
          success: false,
          code: 14,
          phoneNumber: '+33600000009',
          message: 'The number is in the STOP SMS list',
        },
        { success: false, code: 2, phoneNumber: '', message: 'The phone number is required' },
      ],
      rapport: {
        nbline: 10,
        nbline_imported: 1,
        nbline_updated: 0,
        errors: {
          stopSms: 1,
          invalidePhone: 1,
          duplicatePhone: 1,
          allreadyInGroupe: 1,
          urlInvalide: 1,
          dateInvalide: 1,
          empty: 2,
          unactivated: 0,
          dateInvalid: 0,
        },
      },
    });
    const listed = await get(server.url, '/v1/contact/list', { apiKey: STOPPED, groupId });
    expect(listed.json).toMatchObject({
      total: '2',
      datas: [
        { phone: '+33600000002' },
        { phone: '+33600000001', firstname: 'A', date: '2023-01-01', custom1: 'email' },
      ],
    });
  });

  test('a body with contactsList is the bulk form whatever else it holds; without, Add Contact answers', async () => {
    const groupId = await newGroup();
    const bulk = await post(server.url, '/v1/contact/add', {
      apiKey: FUNDED,
      groupId,
      contact: { phoneNumber: '0600000001' },
      contactsList: [{ phoneNumber: '0600000002' }],
    });
    expect(bulk.json).toMatchObject({ rapport: { nbline: 1, nbline_imported: 1 } });
    expect(bulk.headers.get('x-mock-unknown-params')).toBe('contact');
    const single = await post(server.url, '/v1/contact/add', { apiKey: FUNDED, groupId });
    expect(single.json).toEqual({ success: false, code: 2, message: 'Contact information is required' });
  });
});

type Case = readonly [
  label: string,
  method: string,
  path: string,
  params: (ids: { groupId: string; contactId: string }) => Record<string, unknown>,
  expected: Record<string, unknown>,
];
const fail = (code: number, message: string) => ({ success: false, code, message });
const KEY_10 = fail(10, 'API key is required or invalid');
const GROUP_404 = fail(404, 'The group does not exist');
const CONTACT_404 = fail(404, 'The contact does not exist');
const NO_INFO = fail(2, 'Contact information is required');

/** Every documented code of the family, and each of the mock's own, on purpose (README recipes). */
const CASES: readonly Case[] = [
  [
    'Add Group without a key: 2, its table says',
    'POST',
    '/v1/group/add',
    () => ({ name: 'x' }),
    fail(2, 'API Key is required'),
  ],
  [
    'Add Group with an unknown key',
    'POST',
    '/v1/group/add',
    () => ({ apiKey: 'nope', name: 'x' }),
    fail(10, 'Incorrect API key'),
  ],
  [
    'Add Group without a name',
    'POST',
    '/v1/group/add',
    () => ({ apiKey: FUNDED }),
    fail(1, 'The group name is required'),
  ],
  [
    'Add Group with a name over 255 characters',
    'POST',
    '/v1/group/add',
    () => ({ apiKey: FUNDED, name: 'n'.repeat(256) }),
    {
      success: false,
      code: 9,
      error: [
        { elementId: 'children[name].data', message: 'The group name cannot be longer than 255 characters' },
      ],
    },
  ],
  ['Delete Group without a key', 'POST', '/v1/group/delete', ({ groupId }) => ({ groupId }), KEY_10],
  [
    'Delete Group without groupId',
    'POST',
    '/v1/group/delete',
    () => ({ apiKey: FUNDED }),
    fail(1, 'groupId is required'),
  ],
  [
    'Delete Group of an unknown group',
    'POST',
    '/v1/group/delete',
    () => ({ apiKey: FUNDED, groupId: '42' }),
    GROUP_404,
  ],
  ['Get Group List without a key', 'GET', '/v1/group/list', () => ({}), KEY_10],
  ['Get Group List with an unknown key', 'GET', '/v1/group/list', () => ({ apiKey: 'nope' }), KEY_10],
  [
    'Add Contact without a key',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({ groupId, contact: { phoneNumber: '0600000007' } }),
    KEY_10,
  ],
  [
    'Add Contact without groupId',
    'POST',
    '/v1/contact/add',
    () => ({ apiKey: FUNDED, contact: { phoneNumber: '0600000007' } }),
    fail(1, 'groupId is required'),
  ],
  [
    'Add Contact without contact',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({ apiKey: FUNDED, groupId }),
    NO_INFO,
  ],
  [
    'Add Contact without a number',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({ apiKey: FUNDED, groupId, contact: { firstname: 'x' } }),
    NO_INFO,
  ],
  [
    'Add Contact with a number that is none',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({ apiKey: FUNDED, groupId, contact: { phoneNumber: '0123' } }),
    { success: false, code: 9, error: [NUMBER_ISSUE] },
  ],
  [
    'Add Contact with a number that is none and a first name of 33 characters: one list',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({
      apiKey: FUNDED,
      groupId,
      contact: { phoneNumber: '0123', firstname: 'f'.repeat(33) },
    }),
    {
      success: false,
      code: 9,
      error: [
        NUMBER_ISSUE,
        {
          elementId: 'children[contact].children[firstname].data',
          message: 'The first name cannot be longer than 32 characters',
        },
      ],
    },
  ],
  [
    'Add Contact to an unknown group',
    'POST',
    '/v1/contact/add',
    () => ({ apiKey: FUNDED, groupId: '42', contact: { phoneNumber: '0600000007' } }),
    GROUP_404,
  ],
  [
    'Add Contact of a number already in the group',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({ apiKey: FUNDED, groupId, contact: { phoneNumber: '+33600000001' } }),
    fail(15, 'The phone number already exists in the group'),
  ],
  [
    'Add Bulk Contacts without a key',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({ groupId, contactsList: [] }),
    KEY_10,
  ],
  [
    'Add Bulk Contacts without groupId',
    'POST',
    '/v1/contact/add',
    () => ({ apiKey: FUNDED, contactsList: [{}] }),
    fail(1, 'groupId is required'),
  ],
  [
    'Add Bulk Contacts with an empty list',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({ apiKey: FUNDED, groupId, contactsList: [] }),
    NO_INFO,
  ],
  [
    'Add Bulk Contacts with 501 items',
    'POST',
    '/v1/contact/add',
    ({ groupId }) => ({ apiKey: FUNDED, groupId, contactsList: Array.from({ length: 501 }, () => ({})) }),
    fail(50, 'At most 500 contacts per request'),
  ],
  [
    'Add Bulk Contacts to an unknown group',
    'POST',
    '/v1/contact/add',
    () => ({ apiKey: FUNDED, groupId: '42', contactsList: [{}] }),
    GROUP_404,
  ],
  [
    'Edit Contact without a key',
    'POST',
    '/v1/contact/update',
    ({ contactId }) => ({ contactId, contact: { firstname: 'x' } }),
    KEY_10,
  ],
  [
    'Edit Contact without contactId',
    'POST',
    '/v1/contact/update',
    () => ({ apiKey: FUNDED, contact: { firstname: 'x' } }),
    fail(1, 'contactId is required'),
  ],
  [
    'Edit Contact without contact',
    'POST',
    '/v1/contact/update',
    ({ contactId }) => ({ apiKey: FUNDED, contactId }),
    NO_INFO,
  ],
  [
    'Edit Contact with an empty contact',
    'POST',
    '/v1/contact/update',
    ({ contactId }) => ({ apiKey: FUNDED, contactId, contact: {} }),
    NO_INFO,
  ],
  [
    'Edit Contact with a date that is none',
    'POST',
    '/v1/contact/update',
    ({ contactId }) => ({ apiKey: FUNDED, contactId, contact: { date: '2020-13-01' } }),
    {
      success: false,
      code: 9,
      error: [
        {
          elementId: 'children[contact].children[date].data',
          message: 'The date must be a real date written YYYY-MM-DD',
        },
      ],
    },
  ],
  [
    'Edit Contact with a number that is none',
    'POST',
    '/v1/contact/update',
    ({ contactId }) => ({ apiKey: FUNDED, contactId, contact: { phoneNumber: '+999' } }),
    { success: false, code: 9, error: [NUMBER_ISSUE] },
  ],
  [
    'Edit Contact of an unknown contact',
    'POST',
    '/v1/contact/update',
    () => ({ apiKey: FUNDED, contactId: '42', contact: { firstname: 'x' } }),
    CONTACT_404,
  ],
  [
    "Edit Contact to another contact's number of the group",
    'POST',
    '/v1/contact/update',
    ({ contactId }) => ({ apiKey: FUNDED, contactId, contact: { phoneNumber: '0600000008' } }),
    fail(15, 'The phone number already exists in the group'),
  ],
  ['Delete Contact without a key', 'POST', '/v1/contact/delete', ({ contactId }) => ({ contactId }), KEY_10],
  [
    'Delete Contact without contactId',
    'POST',
    '/v1/contact/delete',
    () => ({ apiKey: FUNDED }),
    fail(1, 'contactId is required'),
  ],
  [
    'Delete Contact of an unknown contact',
    'POST',
    '/v1/contact/delete',
    () => ({ apiKey: FUNDED, contactId: '42' }),
    CONTACT_404,
  ],
  ['Get Contact List without a key', 'GET', '/v1/contact/list', ({ groupId }) => ({ groupId }), KEY_10],
  [
    'Get Contact List without groupId',
    'GET',
    '/v1/contact/list',
    () => ({ apiKey: FUNDED }),
    fail(1, 'groupId is required'),
  ],
  [
    'Get Contact List of an unknown group',
    'GET',
    '/v1/contact/list',
    () => ({ apiKey: FUNDED, groupId: '42' }),
    GROUP_404,
  ],
  [
    'Get Contact Details without a key',
    'GET',
    '/v1/contact/detail',
    ({ contactId }) => ({ contactId }),
    KEY_10,
  ],
  [
    'Get Contact Details without contactId',
    'GET',
    '/v1/contact/detail',
    () => ({ apiKey: FUNDED }),
    fail(1, 'contactId is required'),
  ],
  [
    'Get Contact Details of an unknown contact',
    'GET',
    '/v1/contact/detail',
    () => ({ apiKey: FUNDED, contactId: '42' }),
    CONTACT_404,
  ],
];

describe('contacts: every code on purpose, exact bodies', () => {
  test.each(CASES)('%s', async (_label, method, path, params, expected) => {
    const groupId = await newGroup();
    const contactId = await newContact(groupId, { phoneNumber: '+33600000001' });
    await newContact(groupId, { phoneNumber: '+33600000008' });
    const answer = await call(server.url, method, path, params({ groupId, contactId }));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(expected);
  });

  test('a number on the STOP list answers 14 (Add Contact, and Edit Contact to it)', async () => {
    server.store.upsertAccount(STOPPED, 100, { stopList: ['+33600000009'] });
    const groupId = await newGroup(server.url, STOPPED);
    const refused = await post(server.url, '/v1/contact/add', {
      apiKey: STOPPED,
      groupId,
      contact: { phoneNumber: '0600000009' },
    });
    expect(refused.json).toEqual(fail(14, 'The number is in the STOP SMS list'));
    const contactId = await newContact(groupId, { phoneNumber: '0600000001' }, STOPPED);
    const changed = await post(server.url, '/v1/contact/update', {
      apiKey: STOPPED,
      contactId,
      contact: { phoneNumber: '0600000009' },
    });
    expect(changed.json).toEqual(fail(14, 'The number is in the STOP SMS list'));
  });

  test('a full store answers 500 (groups, a contact, a bulk that would not fit), and stores nothing', async () => {
    const groupId = await newGroup(small.url);
    expect((await post(small.url, '/v1/group/add', { apiKey: FUNDED, name: 'second' })).json).toEqual(
      fail(500, "The mock's contact store is full"),
    );
    const bulk = {
      apiKey: FUNDED,
      groupId,
      contactsList: ['0600000001', '0600000002', '0600000003'].map((phoneNumber) => ({ phoneNumber })),
    };
    expect((await post(small.url, '/v1/contact/add', bulk)).json).toEqual(
      fail(500, "The mock's contact store is full"),
    );
    for (const phoneNumber of ['0600000001', '0600000002']) {
      await post(small.url, '/v1/contact/add', { apiKey: FUNDED, groupId, contact: { phoneNumber } });
    }
    expect(
      (
        await post(small.url, '/v1/contact/add', {
          apiKey: FUNDED,
          groupId,
          contact: { phoneNumber: '0600000003' },
        })
      ).json,
    ).toEqual(fail(500, "The mock's contact store is full"));
    expect((await get(small.url, '/v1/contact/list', { apiKey: FUNDED, groupId })).json).toMatchObject({
      total: '2',
    });
  });
});

describe('contacts: methods and formats', () => {
  test('Delete Group also answers DELETE (its header), Get Contact List POST (its official header)', async () => {
    const groupId = await newGroup();
    await newContact(groupId, { phoneNumber: '0600000001' });
    const listed = await post(server.url, '/v1/contact/list', { apiKey: FUNDED, groupId });
    expect(listed.json).toMatchObject({ success: true, code: 200, total: '1' });
    expect((await del(server.url, '/v1/group/delete', { apiKey: FUNDED, groupId })).json).toEqual({
      success: true,
      code: 200,
    });
  });

  test.each([
    ['GET', '/v1/group/add', 'POST, OPTIONS'],
    ['GET', '/v1/group/delete', 'POST, DELETE, OPTIONS'],
    ['DELETE', '/v1/contact/list', 'GET, POST, OPTIONS'],
    ['POST', '/v1/contact/detail', 'GET, OPTIONS'],
  ])('%s %s is a 405 with Allow: %s', async (method, path, allow) => {
    const answer = await call(server.url, method, path, { apiKey: FUNDED });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe(allow);
  });

  test.each([
    ['POST', '/v1/group/add', { name: 'x' }],
    ['GET', '/v1/group/list', {}],
    ['GET', '/v1/contact/list', { groupId: '42' }],
    ['POST', '/v1/contact/delete', { contactId: '42' }],
    ['GET', '/v1/contact/detail', { contactId: '42' }],
  ])(
    'no _format is documented for contacts: %s %s with _format=xml answers JSON and reports the field',
    async (method, path, params) => {
      const answer = await call(server.url, method, path, { apiKey: FUNDED, _format: 'xml', ...params });
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.json).toBeDefined();
      expect(answer.headers.get('x-mock-unknown-params')).toBe('_format');
    },
  );
});

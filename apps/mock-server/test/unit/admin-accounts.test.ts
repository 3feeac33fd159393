import { describe, expect, test } from 'vitest';
import { EMPTY, EMPTY_CONTACT_FIELDS, FUNDED, get, post, useMock } from '../helpers.ts';

const server = useMock();

async function seed() {
  const group = await post(server.url, '/v1/group/add', { apiKey: FUNDED, name: 'Clients' });
  const { groupId } = group.json as { groupId: string };
  for (const phoneNumber of ['0600000001', '0600000002', '0600000003']) {
    await post(server.url, '/v1/contact/add', {
      apiKey: FUNDED,
      groupId,
      contact: { phoneNumber, firstname: 'A' },
    });
  }
  return groupId;
}

describe('admin API: groups and contacts', () => {
  test('GET /__mock/groups lists the groups with their sizes and the store usage', async () => {
    await seed();
    expect((await get(server.url, '/__mock/groups', { apiKey: FUNDED })).json).toEqual({
      groups: [{ id: '1000', name: 'Clients', createdAt: '2030-01-15T09:00:00+01:00', size: 3 }],
      usage: { groups: 1, contacts: 3, limits: { groups: 100_000, contacts: 1_000_000 } },
    });
  });

  test('GET /__mock/contacts pages a group, each contact as the API lists it with its group', async () => {
    const groupId = await seed();
    const page = await get(server.url, '/__mock/contacts', { apiKey: FUNDED, groupId, page: 2, limit: 2 });
    expect(page.json).toEqual({
      total: 3,
      contacts: [
        {
          contactId: '1000002',
          phone: '+33600000003',
          ...EMPTY_CONTACT_FIELDS,
          firstname: 'A',
          createdAt: '2030-01-15T09:00:00+01:00',
          stopSms: false,
          groupId,
        },
      ],
    });
  });

  test.each([
    ['/__mock/groups', {}, 400, 'apiKey is required (a non-empty string)'],
    ['/__mock/groups', { apiKey: 'nope' }, 404, 'No such account'],
    ['/__mock/contacts', { apiKey: FUNDED }, 400, 'groupId query parameter is required'],
    ['/__mock/contacts', { apiKey: FUNDED, groupId: '42' }, 404, 'No such group'],
    [
      '/__mock/contacts',
      { apiKey: FUNDED, groupId: '1000', page: '0' },
      400,
      'page must be a whole number from 1',
    ],
    [
      '/__mock/contacts',
      { apiKey: FUNDED, groupId: '1000', limit: '1001' },
      400,
      'limit must be a whole number from 1 to 1000',
    ],
    ['/__mock/subaccounts', { apiKey: '' }, 400, 'apiKey is required (a non-empty string)'],
  ])('GET %s with %o answers %i', async (path, query, status, error) => {
    await seed();
    const answer = await get(server.url, path, query);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({ error });
  });
});

describe('admin API: sub-accounts', () => {
  test('POST /__mock/subaccounts switches the feature; bad input is a 400 with a reason', async () => {
    expect((await get(server.url, '/__mock/subaccounts', { apiKey: EMPTY })).json).toEqual({
      enabled: false,
      parent: null,
      subaccounts: [],
    });
    expect((await post(server.url, '/__mock/subaccounts', { apiKey: EMPTY, enabled: true })).json).toEqual({
      enabled: true,
    });
    const refused = await post(server.url, '/__mock/subaccounts', { apiKey: EMPTY, enabled: 'yes' });
    expect([refused.status, refused.json]).toEqual([
      400,
      { error: 'Send {"apiKey", "enabled": true | false}' },
    ]);
    expect((await post(server.url, '/__mock/subaccounts', { apiKey: 'nope', enabled: true })).status).toBe(
      404,
    );
  });

  test('a sub-account names its master by name, never by key; accounts can be created with the setting', async () => {
    expect(
      (await post(server.url, '/__mock/accounts', { apiKey: 'admin-master', credits: 10, subaccounts: true }))
        .status,
    ).toBe(201);
    const created = await post(server.url, '/v1/subaccount/create', {
      apiKey: 'admin-master',
      type: 'simple',
    });
    expect(created.json).toMatchObject({ success: true });
    const list = await get(server.url, '/v1/subaccount/list', { apiKey: FUNDED });
    expect(list.json).toMatchObject({ total: 0 });
    const [sub] = server.store.subaccounts.of(server.store.account('admin-master') as never);
    const view = await get(server.url, '/__mock/subaccounts', { apiKey: sub?.account.apiKey as string });
    expect(view.json).toEqual({
      enabled: false,
      parent: expect.stringMatching(/^key#[0-9a-f]{8}$/),
      subaccounts: [],
    });
  });

  test('the admin 404 lists the new routes', async () => {
    const answer = await get(server.url, '/__mock/nope');
    expect((answer.json as { routes: string[] }).routes).toEqual(
      expect.arrayContaining([
        'GET /__mock/groups',
        'GET /__mock/contacts',
        'GET /__mock/subaccounts',
        'POST /__mock/subaccounts',
      ]),
    );
  });
});

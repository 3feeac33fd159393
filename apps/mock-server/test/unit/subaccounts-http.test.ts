import {
  createSubaccount,
  decodeXml,
  entriesToJson,
  listSubaccounts,
  MAX_AMOUNT_MICROS,
  REDACTED,
  subaccountCreditResponse,
} from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { call, del, EMPTY, FUNDED, get, post, T0, useMock } from '../helpers.ts';

const logs: string[] = [];
const server = useMock({ log: (line) => logs.push(line) });
const strict = useMock({
  config: { accounts: [{ apiKey: FUNDED, credits: 100, subaccounts: true }], strictParams: true },
});

interface Created {
  token: string;
  email: string;
}

async function create(parameters: Record<string, unknown> = {}, apiKey = FUNDED): Promise<Created> {
  const answer = await post(server.url, '/v1/subaccount/create', { apiKey, type: 'simple', parameters });
  const body = answer.json as { success: boolean; subaccount: Created };
  if (!body.success) throw new Error(`create answered ${answer.text}`);
  return body.subaccount;
}

/** A sub-account's key, read where the docs show it: the master's Sub-account List. */
async function keyOf(token: string, apiKey = FUNDED): Promise<string> {
  const answer = await get(server.url, '/v1/subaccount/list', { apiKey });
  const found = (answer.json as { data: { token: string; apiKey: string }[] }).data.find(
    (entry) => entry.token === token,
  );
  if (!found) throw new Error(`no sub-account ${token} in ${answer.text}`);
  return found.apiKey;
}

/** A credit move from the funded master (add: to the sub-account; remove: back), its answer's JSON. */
async function move(direction: 'add' | 'remove', credit: unknown, tokenSubaccount: string, apiKey = FUNDED) {
  return (await post(server.url, `/v1/subaccount/credit/${direction}`, { apiKey, credit, tokenSubaccount }))
    .json;
}

async function balanceOf(apiKey: string): Promise<unknown> {
  return ((await get(server.url, '/v1/me', { apiKey })).json as { credits?: { balance: string } }).credits
    ?.balance;
}

const fail = (code: number, message: string) => ({ success: false, code, message });

describe('sub-accounts: the round trip, over HTTP in JSON', () => {
  test('create → its key sends → credit add and remove reconcile in both /v1/me → delete → its key answers 10', async () => {
    // The funded account holds 1000 credits: 38 EUR.
    const created = await post(server.url, '/v1/subaccount/create', {
      apiKey: FUNDED,
      type: 'simple',
      parameters: { creditToAttribute: '2.5', title: 'Shop' },
    });
    const { token } = (created.json as { subaccount: Created }).subaccount;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(created.json).toEqual({
      success: true,
      code: 200,
      subaccount: { email: '9000000@smspartner.fr', token },
      sendConfirmMailTo: '9000000@smspartner.fr',
      parent_email: 'funded@example.test',
    });
    expect(created.text).not.toContain(REDACTED);

    const listed = await get(server.url, '/v1/subaccount/list', { apiKey: FUNDED });
    const key = await keyOf(token);
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    expect(listed.json).toEqual({
      success: true,
      code: 200,
      total: 1,
      nb_per_page: 20,
      page: 1,
      data: [
        {
          id: 1,
          email: '9000000@smspartner.fr',
          type: 'simple',
          token,
          apiKey: key,
          createdAt: '2030-01-15 09:00:00',
          credits: { balance: '2.500', currency: 'EUR' },
        },
      ],
    });
    expect([await balanceOf(FUNDED), await balanceOf(key)]).toEqual(['35.500', '2.500']);

    const sent = await post(server.url, '/v1/send', {
      apiKey: key,
      phoneNumbers: '0600000000',
      message: 'Hi',
    });
    expect(sent.json).toMatchObject({ success: true, code: 200, message_id: 1000, cost: 0.038 });
    expect([await balanceOf(FUNDED), await balanceOf(key)]).toEqual(['35.500', '2.462']);
    expect(server.store.listMessages(FUNDED)).toEqual([]);
    expect(server.store.listMessages(key)?.map((message) => message.messageId)).toEqual([1000]);

    expect(await move('add', '10', token)).toEqual({
      success: true,
      code: 200,
      credit: 25.5,
      subaccountCredit: 12.462,
      currency: 'EUR',
    });
    expect([await balanceOf(FUNDED), await balanceOf(key)]).toEqual(['25.500', '12.462']);

    expect(await move('remove', 0.462, token)).toEqual({
      success: true,
      code: 200,
      credit: 25.962,
      subaccountCredit: 12,
      currency: 'EUR',
    });
    expect([await balanceOf(FUNDED), await balanceOf(key)]).toEqual(['25.962', '12.000']);

    expect((await del(server.url, '/v1/subaccount/remove', { apiKey: FUNDED, token })).json).toEqual({
      success: true,
      code: 200,
    });
    // What it held came back: 38 − 0.038 (the one SMS it sent).
    expect(await balanceOf(FUNDED)).toBe('37.962');
    for (const [method, path, params] of [
      ['GET', '/v1/me', {}],
      ['POST', '/v1/send', { phoneNumbers: '0600000000', message: 'Hi' }],
      ['GET', '/v1/message-cancel', { messageId: 1000 }],
      ['GET', '/v1/subaccount/list', {}],
    ] as const) {
      const answer = await call(server.url, method, path, { apiKey: key, ...params });
      expect(answer.json, path).toMatchObject({ success: false, code: 10 });
    }
    expect((await get(server.url, '/v1/subaccount/list', { apiKey: FUNDED })).json).toMatchObject({
      total: 0,
      data: [],
    });
  });

  test('an advanced sub-account keeps its e-mail, names and title; Delete Sub-account also answers /delete', async () => {
    const answer = await post(server.url, '/v1/subaccount/create', {
      apiKey: FUNDED,
      type: 'advanced',
      parameters: {
        email: 'Shop@Example.com',
        isBuyer: 1,
        firstname: 'Ana',
        lastname: 'Lopez',
        title: 'Shop',
      },
    });
    const { token } = (answer.json as { subaccount: Created }).subaccount;
    expect(answer.json).toMatchObject({
      subaccount: { email: 'Shop@Example.com' },
      sendConfirmMailTo: 'Shop@Example.com',
    });
    const key = await keyOf(token);
    expect((await get(server.url, '/v1/me', { apiKey: key })).json).toMatchObject({
      user: { username: 'Shop@Example.com', firstname: 'Ana', lastname: 'Lopez' },
      credits: { balance: '0.000' },
    });
    expect((await get(server.url, '/__mock/subaccounts', { apiKey: FUNDED })).json).toMatchObject({
      enabled: true,
      parent: null,
      subaccounts: [
        { id: 1, token, type: 'advanced', email: 'Shop@Example.com', isBuyer: true, balance: '0.000000' },
      ],
    });
    expect((await del(server.url, '/v1/subaccount/delete', { apiKey: FUNDED, token })).json).toEqual({
      success: true,
      code: 200,
    });
    expect((await get(server.url, '/v1/me', { apiKey: key })).json).toMatchObject({ code: 10 });
  });

  test('20 a page, oldest first; a page past the last is empty; a bad page reads as 1', async () => {
    const tokens = [];
    for (let index = 0; index < 23; index++) tokens.push((await create()).token);
    const page = async (value: unknown) =>
      (await get(server.url, '/v1/subaccount/list', { apiKey: FUNDED, page: value as string })).json as {
        total: number;
        page: number;
        data: { token: string; id: number }[];
      };
    expect((await page(1)).data.map((entry) => entry.token)).toEqual(tokens.slice(0, 20));
    expect(await page(2)).toMatchObject({
      total: 23,
      page: 2,
      data: tokens.slice(20).map((token) => ({ token })),
    });
    expect(await page(3)).toMatchObject({ total: 23, page: 3, data: [] });
    expect(await page('x')).toMatchObject({ page: 1 });
  });
});

describe('sub-accounts: live accounts of their own', () => {
  test("a sub-account has its own messages and credits, and the master's view of time when the master has its own clock", async () => {
    await post(server.url, '/__mock/clock', { apiKey: FUNDED, now: '2031-03-01T10:00:00Z' });
    const { token } = await create({ creditToAttribute: 1 });
    const key = await keyOf(token);
    expect((await get(server.url, '/__mock/clock', { apiKey: key })).json).toEqual({
      now: '2031-03-01T10:00:00.000Z',
      frozen: true,
    });
    expect((await get(server.url, '/v1/subaccount/list', { apiKey: FUNDED })).json).toMatchObject({
      data: [{ createdAt: '2031-03-01 11:00:00' }],
    });
    // Its clock is its own from then on.
    await post(server.url, '/__mock/clock', { apiKey: key, advanceBy: 60_000 });
    expect((await get(server.url, '/__mock/clock', { apiKey: FUNDED })).json).toMatchObject({
      now: '2031-03-01T10:00:00.000Z',
    });
  });

  test('only a master account manages sub-accounts: a sub-account gets 2, 4, an empty list and 404', async () => {
    const { token } = await create({ creditToAttribute: 1 });
    const key = await keyOf(token);
    expect((await post(server.url, '/v1/subaccount/create', { apiKey: key, type: 'simple' })).json).toEqual(
      fail(2, 'You are not authorized'),
    );
    expect(await move('add', 1, token, key)).toEqual(fail(4, 'You are not authorized'));
    expect((await get(server.url, '/v1/subaccount/list', { apiKey: key })).json).toMatchObject({
      total: 0,
      data: [],
    });
    expect((await del(server.url, '/v1/subaccount/remove', { apiKey: key, token })).json).toEqual(
      fail(404, 'The sub-account does not exist'),
    );
    expect((await post(server.url, '/__mock/subaccounts', { apiKey: key, enabled: true })).status).toBe(400);
  });

  test('activation is a master-account setting: the admin API switches it; existing sub-accounts stay', async () => {
    expect((await post(server.url, '/v1/subaccount/create', { apiKey: EMPTY, type: 'simple' })).json).toEqual(
      fail(2, 'You are not authorized'),
    );
    expect((await post(server.url, '/__mock/subaccounts', { apiKey: EMPTY, enabled: true })).json).toEqual({
      enabled: true,
    });
    expect(
      (await post(server.url, '/v1/subaccount/create', { apiKey: EMPTY, type: 'simple' })).json,
    ).toMatchObject({
      success: true,
    });
    const { token } = await create({ creditToAttribute: 1 });
    expect((await post(server.url, '/__mock/subaccounts', { apiKey: FUNDED, enabled: false })).json).toEqual({
      enabled: false,
    });
    expect(await move('remove', 1, token)).toEqual(fail(4, 'You are not authorized'));
    expect(await balanceOf(await keyOf(token))).toBe('1.000');
    // A reset of the account puts its config back (activated) and removes its sub-accounts.
    const key = await keyOf(token);
    await post(server.url, '/__mock/reset', { apiKey: FUNDED });
    expect((await get(server.url, '/v1/me', { apiKey: key })).json).toMatchObject({ code: 10 });
    expect((await get(server.url, '/__mock/subaccounts', { apiKey: FUNDED })).json).toEqual({
      enabled: true,
      parent: null,
      subaccounts: [],
    });
  });
});

describe('sub-accounts: credit moves are exact to the micro-euro', () => {
  test('parent − x = child + x, for amounts down to one micro-euro, in the admin view (6 decimals)', async () => {
    const { token } = await create({ creditToAttribute: '0.000001' });
    const key = await keyOf(token);
    for (const credit of ['0.000001', 0.000002, '1.234567', 10]) {
      await move('add', credit, token);
    }
    await move('remove', '0.000003', token);
    const balance = async (apiKey: string) =>
      ((await get(server.url, '/__mock/accounts', { apiKey })).json as { balance: string }).balance;
    expect([await balance(FUNDED), await balance(key)]).toEqual(['26.765432', '11.234568']);
    expect(server.store.account(FUNDED)?.balanceMicros).toBe(26_765_432);
    expect(server.store.account(key)?.balanceMicros).toBe(11_234_568);
  });
});

type Case = readonly [
  label: string,
  method: string,
  path: string,
  params: (token: string) => Record<string, unknown>,
  expected: Record<string, unknown>,
];

/** Every documented code of the family, and the mock's own, on purpose (README recipes). */
const CASES: readonly Case[] = [
  [
    'create without a key',
    'POST',
    '/v1/subaccount/create',
    () => ({ type: 'simple' }),
    fail(1, 'API key is required'),
  ],
  [
    'create with an unknown key',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: 'nope', type: 'simple' }),
    fail(10, 'Incorrect API Key'),
  ],
  [
    'create from an account without the feature',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: EMPTY, type: 'nonsense' }),
    fail(2, 'You are not authorized'),
  ],
  [
    'create an advanced one without isBuyer',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'advanced', parameters: { email: 'a@b.cc' } }),
    fail(3, 'isBuyer is required'),
  ],
  [
    'create without a type',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED }),
    fail(4, 'Type is required (simple or advanced)'),
  ],
  [
    'create of an unknown type',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'premium' }),
    fail(5, 'This sub-account type does not exist (simple or advanced)'),
  ],
  [
    'create an advanced one without e-mail',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'advanced', parameters: { isBuyer: 0 } }),
    fail(6, 'Email is required'),
  ],
  [
    'create with a malformed e-mail',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'simple', parameters: { email: 'nope' } }),
    fail(6, 'Email is required'),
  ],
  [
    "create with the master's own e-mail",
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'simple', parameters: { email: 'FUNDED@example.test' } }),
    fail(7, 'An account already exists with this email'),
  ],
  [
    "create with another sub-account's e-mail",
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'simple', parameters: { email: 'taken@example.test' } }),
    fail(7, 'An account already exists with this email'),
  ],
  [
    'create with creditToAttribute 0',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'simple', parameters: { creditToAttribute: 0 } }),
    fail(8, 'creditToAttribute must be greater than 0'),
  ],
  [
    'create with more credit than the master holds',
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'simple', parameters: { creditToAttribute: '38.000001' } }),
    fail(9, 'Balance must be greater than 0'),
  ],
  [
    "create with a parameter the table has no code for: the mock's 400",
    'POST',
    '/v1/subaccount/create',
    () => ({ apiKey: FUNDED, type: 'simple', parameters: { title: ['x'] } }),
    fail(400, 'A parameter is not documented or breaks its documented type'),
  ],
  [
    'delete without a key',
    'DELETE',
    '/v1/subaccount/remove',
    (token) => ({ token }),
    fail(10, 'API key is required or invalid'),
  ],
  [
    'delete with an unknown key',
    'DELETE',
    '/v1/subaccount/remove',
    (token) => ({ apiKey: 'nope', token }),
    fail(10, 'API key is required or invalid'),
  ],
  [
    'delete without a token',
    'DELETE',
    '/v1/subaccount/remove',
    () => ({ apiKey: FUNDED }),
    fail(1, 'Token is required'),
  ],
  [
    'delete of an unknown token',
    'DELETE',
    '/v1/subaccount/remove',
    () => ({ apiKey: FUNDED, token: 'nope' }),
    fail(404, 'The sub-account does not exist'),
  ],
  [
    "delete of another master's sub-account",
    'DELETE',
    '/v1/subaccount/remove',
    (token) => ({ apiKey: EMPTY, token }),
    fail(404, 'The sub-account does not exist'),
  ],
  ['list without a key', 'GET', '/v1/subaccount/list', () => ({}), fail(1, 'API key is required')],
  [
    'list with an unknown key',
    'GET',
    '/v1/subaccount/list',
    () => ({ apiKey: 'nope' }),
    fail(10, 'Invalid API key'),
  ],
  [
    'credit without a key',
    'POST',
    '/v1/subaccount/credit/add',
    (token) => ({ credit: 1, tokenSubaccount: token }),
    fail(1, 'API key is required'),
  ],
  [
    'credit with an unknown key',
    'POST',
    '/v1/subaccount/credit/add',
    (token) => ({ apiKey: 'nope', credit: 1, tokenSubaccount: token }),
    fail(10, 'Invalid API key'),
  ],
  [
    'credit without an amount',
    'POST',
    '/v1/subaccount/credit/add',
    (token) => ({ apiKey: FUNDED, tokenSubaccount: token }),
    fail(2, 'Credit amount is required'),
  ],
  [
    'credit without a token',
    'POST',
    '/v1/subaccount/credit/add',
    () => ({ apiKey: FUNDED, credit: 1 }),
    fail(3, 'Sub-account identifier is required'),
  ],
  [
    'credit from an account without the feature',
    'POST',
    '/v1/subaccount/credit/add',
    (token) => ({ apiKey: EMPTY, credit: 'x', tokenSubaccount: token }),
    fail(4, 'You are not authorized'),
  ],
  [
    'credit of 0',
    'POST',
    '/v1/subaccount/credit/add',
    (token) => ({ apiKey: FUNDED, credit: 0, tokenSubaccount: token }),
    fail(5, 'Credit to assign must be greater than 0'),
  ],
  [
    'credit of "-5"',
    'POST',
    '/v1/subaccount/credit/remove',
    (token) => ({ apiKey: FUNDED, credit: '-5', tokenSubaccount: token }),
    fail(5, 'Credit to assign must be greater than 0'),
  ],
  [
    'credit finer than a micro-euro',
    'POST',
    '/v1/subaccount/credit/add',
    (token) => ({ apiKey: FUNDED, credit: '0.0000001', tokenSubaccount: token }),
    fail(5, 'Credit to assign must be greater than 0'),
  ],
  [
    'credit of an unknown sub-account',
    'POST',
    '/v1/subaccount/credit/add',
    () => ({ apiKey: FUNDED, credit: 1, tokenSubaccount: 'nope' }),
    fail(7, 'Sub-account does not exist'),
  ],
  [
    'credit add of more than the master holds',
    'POST',
    '/v1/subaccount/credit/add',
    (token) => ({ apiKey: FUNDED, credit: 37.000001, tokenSubaccount: token }),
    fail(8, 'Insufficient credit'),
  ],
  [
    'credit remove of more than the sub-account holds',
    'POST',
    '/v1/subaccount/credit/remove',
    (token) => ({ apiKey: FUNDED, credit: '1.000001', tokenSubaccount: token }),
    fail(8, 'Insufficient credit'),
  ],
];

describe('sub-accounts: every code on purpose, exact bodies; a refusal moves nothing', () => {
  test.each(CASES)('%s', async (_label, method, path, params, expected) => {
    await create({ email: 'taken@example.test' });
    const { token } = await create({ creditToAttribute: 1 });
    const before = [
      server.store.account(FUNDED)?.balanceMicros,
      server.store.account(await keyOf(token))?.balanceMicros,
    ];
    const answer = await call(server.url, method, path, params(token));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(expected);
    expect([
      server.store.account(FUNDED)?.balanceMicros,
      server.store.account(await keyOf(token))?.balanceMicros,
    ]).toEqual(before);
  });

  test('6: the sender holds nothing (the master on add, the sub-account on remove)', async () => {
    const { token } = await create();
    expect(await move('remove', 1, token)).toEqual(fail(6, 'Your balance must be greater than 0'));
    await post(server.url, '/__mock/accounts', { apiKey: FUNDED, credits: 0 });
    expect(await move('add', 1, token)).toEqual(fail(6, 'Your balance must be greater than 0'));
  });

  test("5: a move that would take the receiver's balance over 1,000,000,000 EUR (the mock's bound)", async () => {
    const { token } = await create();
    const key = await keyOf(token);
    await post(server.url, '/__mock/accounts', { apiKey: key, balance: '1000000000' });
    expect(await move('add', 1, token)).toEqual(fail(5, 'Credit to assign must be greater than 0'));
    expect(server.store.account(key)?.balanceMicros).toBe(MAX_AMOUNT_MICROS);
  });

  test('2: a master at its bound of 1000 sub-accounts', async () => {
    const parent = server.store.account(FUNDED);
    if (!parent) throw new Error('no funded account');
    for (let index = 0; index < 1000; index++) {
      server.store.openSubaccount(
        parent,
        { type: 'simple', email: undefined, isBuyer: false, creditMicros: 0 },
        T0,
      );
    }
    expect(
      (await post(server.url, '/v1/subaccount/create', { apiKey: FUNDED, type: 'simple' })).json,
    ).toEqual(fail(2, 'You are not authorized'));
  });

  test('strict mode: an undocumented field on create is the mock\'s 400 (its 9 means "balance")', async () => {
    const answer = await post(strict.url, '/v1/subaccount/create', {
      apiKey: FUNDED,
      type: 'simple',
      shop: 1,
    });
    expect(answer.json).toEqual(fail(400, 'A parameter is not documented or breaks its documented type'));
  });
});

describe('sub-accounts: XML where _format is documented (create, list, credit moves; not delete)', () => {
  test('create, list and a credit move in XML decode to their JSON answers; delete answers JSON', async () => {
    const xml = await post(server.url, '/v1/subaccount/create', {
      apiKey: FUNDED,
      type: 'simple',
      parameters: { creditToAttribute: 2 },
      _format: 'xml',
    });
    expect(xml.contentType).toMatch(/^application\/xml/);
    const created = createSubaccount.response.parse(
      entriesToJson(createSubaccount.response, decodeXml(xml.text)),
    );
    const { token } = created.subaccount;
    expect(created).toEqual({
      success: true,
      code: 200,
      subaccount: { email: '9000000@smspartner.fr', token },
      sendConfirmMailTo: '9000000@smspartner.fr',
      parent_email: 'funded@example.test',
    });
    const key = await keyOf(token);
    const list = await get(server.url, '/v1/subaccount/list', { apiKey: FUNDED, _format: 'xml' });
    expect(list.text).toContain(`<![CDATA[${key}]]>`);
    expect(
      listSubaccounts.response.parse(entriesToJson(listSubaccounts.response, decodeXml(list.text))),
    ).toEqual((await get(server.url, '/v1/subaccount/list', { apiKey: FUNDED })).json);
    const moved = await post(server.url, '/v1/subaccount/credit/add', {
      apiKey: FUNDED,
      credit: '1',
      tokenSubaccount: token,
      _format: 'xml',
    });
    expect(
      subaccountCreditResponse.parse(entriesToJson(subaccountCreditResponse, decodeXml(moved.text))),
    ).toEqual({
      success: true,
      code: 200,
      credit: 35,
      subaccountCredit: 3,
      currency: 'EUR',
    });
    const failed = await post(server.url, '/v1/subaccount/credit/add', {
      apiKey: FUNDED,
      credit: 0,
      tokenSubaccount: token,
      _format: 'xml',
    });
    expect(decodeXml(failed.text)).toEqual([false, 5, 'Credit to assign must be greater than 0']);
    const removed = await del(server.url, '/v1/subaccount/remove', { apiKey: FUNDED, token, _format: 'xml' });
    expect(removed.json).toEqual({ success: true, code: 200 });
    expect(removed.headers.get('x-mock-unknown-params')).toBe('_format');
  });
});

describe("sub-accounts: a sub-account's key shows in its master's list, and nowhere else", () => {
  test('scrubbed from other answers, headers, log lines, the journal and the admin API; still after deletion', async () => {
    logs.length = 0;
    const { token } = await create({ creditToAttribute: 1 });
    const key = await keyOf(token);
    const group = await post(server.url, '/v1/group/add', { apiKey: FUNDED, name: key });
    expect(group.json).toMatchObject({ success: true, name: REDACTED });
    const shown = [
      group.text,
      (await get(server.url, '/v1/me', { apiKey: key })).text,
      (await get(server.url, `/v1/me?apiKey=${key}&${key}=1`)).headers.get('x-mock-unknown-params') ?? '',
      (await get(server.url, '/v1/subaccount/list', { apiKey: key })).text,
      (await get(server.url, '/v1/subaccount/list', { apiKey: EMPTY })).text,
      (await post(server.url, '/v1/send', { apiKey: key, phoneNumbers: key, message: key })).text,
      (await get(server.url, '/__mock/subaccounts', { apiKey: FUNDED })).text,
      (await get(server.url, '/__mock/accounts', { apiKey: key })).text,
      (await get(server.url, '/__mock/requests')).text,
      (await get(server.url, '/__mock/groups', { apiKey: FUNDED })).text,
    ];
    await del(server.url, '/v1/subaccount/remove', { apiKey: FUNDED, token });
    shown.push(
      (await get(server.url, '/v1/me', { apiKey: key })).text,
      (await get(server.url, '/__mock/requests')).text,
    );
    for (const text of [...shown, ...logs]) expect(text).not.toContain(key);
    expect(logs.length).toBeGreaterThanOrEqual(10);
  });

  test("the list shows only the caller's own sub-accounts' keys: another key in the same answer is scrubbed", async () => {
    // A key that looks like an e-mail, given as a sub-account's e-mail: the list shows that e-mail.
    const other = 'someone-else@example.test';
    server.store.upsertAccount(other, 10);
    const { token } = await create({ email: other });
    const list = await get(server.url, '/v1/subaccount/list', { apiKey: FUNDED });
    expect(list.json).toMatchObject({ data: [{ email: REDACTED, token, apiKey: await keyOf(token) }] });
    expect(list.text).not.toContain(other);
  });
});

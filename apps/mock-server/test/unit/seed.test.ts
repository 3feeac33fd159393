import { sendSmsCodes } from '@smspartner-kit/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSeed, type RunningMock, type SeedDocumentInput, startMockServer } from '../../src/index.ts';
import { EMPTY, FUNDED, get, post, T0, useMock } from '../helpers.ts';

const SHOP = 'seed-shop-key';
const server = useMock();

/** A seed that uses every section: the clock, a price, a new account and a replaced one, messages. */
const SEED: SeedDocumentInput = {
  clock: { now: '2030-01-15T08:00:00Z' },
  prices: { US: { premium: '0.07' } },
  accounts: [
    {
      apiKey: SHOP,
      name: 'shop',
      credits: 50,
      stopList: ['0611111111'],
      messages: [
        { phoneNumbers: '0622222222', message: 'Your order has shipped', sendAt: '2030-01-15T07:00:00Z' },
        {
          phoneNumbers: ['0633333333', '+33644444444'],
          message: 'Sale tomorrow',
          sendAt: '2030-01-15T10:00:00Z',
          tag: 'promo',
          sender: 'MyShop',
        },
      ],
    },
    { apiKey: EMPTY, name: 'topped up', balance: '1.9' },
  ],
};

const seed = (document: unknown) => post(server.url, '/__mock/seed', document);

describe('POST /__mock/seed', () => {
  test('loads accounts, STOP lists, prices, the clock and messages, answering without keys', async () => {
    const answer = await seed(SEED);
    expect(answer).toMatchObject({
      status: 200,
      json: {
        clock: '2030-01-15T08:00:00.000Z',
        prices: 1,
        accounts: [
          { account: 'shop', replaced: false, messages: 2 },
          { account: 'topped up', replaced: true, messages: 0 },
        ],
      },
    });
    expect(answer.text).not.toContain(SHOP);
    expect(server.store.clock.state()).toEqual({ now: '2030-01-15T08:00:00.000Z', frozen: true });
  });

  test('the seeded state answers through the API: credits, STOP list, prices, messages', async () => {
    await seed(SEED);
    // The balance a seed gives is the balance after its messages.
    expect((await get(server.url, '/__mock/accounts', { apiKey: SHOP })).json).toMatchObject({
      name: 'shop',
      credits: 50,
      messages: 2,
    });
    expect((await get(server.url, '/__mock/accounts', { apiKey: EMPTY })).json).toMatchObject({
      name: 'topped up',
      credits: 50,
      balance: '1.900000',
    });
    const send = (phoneNumbers: string) =>
      post(server.url, '/v1/send', { apiKey: SHOP, phoneNumbers, message: 'hi' });
    expect((await send('+33611111111')).json).toEqual({
      success: false,
      code: 14,
      message: sendSmsCodes[14].message,
    });
    expect((await send('+12025550123')).json).toMatchObject({ success: true, cost: 0.07 });

    const messages = server.store.listMessages(SHOP) ?? [];
    expect(
      messages.map(({ messageId, state, phoneNumbers, tag, sender }) => ({
        messageId,
        state,
        phoneNumbers,
        tag,
        sender,
      })),
    ).toEqual([
      { messageId: 1000, state: 'sent', phoneNumbers: ['+33622222222'], tag: null, sender: null },
      {
        messageId: 1001,
        state: 'scheduled',
        phoneNumbers: ['+33633333333', '+33644444444'],
        tag: 'promo',
        sender: 'MyShop',
      },
      { messageId: 1002, state: 'sent', phoneNumbers: ['+12025550123'], tag: null, sender: null },
    ]);
    // A seeded scheduled message cancels like any other, and its cost comes back.
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: SHOP, messageId: 1001 })).json,
    ).toMatchObject({
      success: true,
    });
    expect(server.store.account(SHOP)?.balanceMicros).toBe(50 * 38_000 - 70_000 + 2 * 38_000);
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: SHOP, messageId: 1000 })).json,
    ).toMatchObject({
      code: 7,
    });
  });

  test('accounts not in the seed keep their state', async () => {
    await post(server.url, '/v1/send', { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'kept' });
    await seed({ accounts: [{ apiKey: SHOP, credits: 1 }] });
    expect(server.store.listMessages(FUNDED)).toHaveLength(1);
  });

  test.each([
    [
      'a misspelt key, named with its place',
      { accounts: [{ apiKey: SHOP, credits: 1, mesages: [] }] },
      ['accounts.0: unknown key "mesages"'],
    ],
    [
      'a date that is not ISO-8601',
      {
        accounts: [
          { apiKey: SHOP, messages: [{ phoneNumbers: '0622222222', message: 'x', sendAt: 'tomorrow' }] },
        ],
      },
      ['accounts.0.messages.0.sendAt: an ISO-8601 date-time, e.g. 2030-01-15T09:00:00+01:00'],
    ],
    [
      'a number that is not a phone number',
      { accounts: [{ apiKey: SHOP, messages: [{ phoneNumbers: '12', message: 'x' }] }] },
      ['accounts.0.messages.0: invalid number (12): the API would answer code 9'],
    ],
    [
      'a destination without a price',
      { accounts: [{ apiKey: SHOP, messages: [{ phoneNumbers: '+12025550123', message: 'x' }] }] },
      ['accounts.0.messages.0: not priced (+12025550123): the API would answer code 13'],
    ],
    [
      'a change of the price a credit stands for',
      { prices: { FR: { premium: '0.05' } } },
      [expect.stringMatching(/^prices\.FR\.premium: a credit is one Premium SMS to France/)],
    ],
    [
      'the same key twice',
      { accounts: [{ apiKey: SHOP }, { apiKey: SHOP }] },
      ['accounts.1: repeats the apiKey of an earlier account'],
    ],
    ['an unknown section', { contacts: [] }, ['(root): unknown key "contacts"']],
    ['a document that is not an object', [1, 2], ['(root): expected object']],
  ])('400 on %s, every problem listed, nothing changed', async (_label, document, problems) => {
    const before = JSON.stringify([server.store.listMessages(FUNDED), server.store.account(SHOP)]);
    const answer = await seed(document);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: 'Invalid seed: nothing changed', problems });
    expect(JSON.stringify([server.store.listMessages(FUNDED), server.store.account(SHOP)])).toBe(before);
    expect(server.store.clock.now()).toBe(T0);
  });

  test('an error never repeats a key, even a key in the wrong place', async () => {
    const answer = await seed({ accounts: [{ apiKey: 'seed-secret-key', credits: 'many' }] });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('seed-secret-key');
  });

  test('a seed larger than the other admin bodies (64 KiB) is read', async () => {
    const messages = Array.from({ length: 2000 }, (_, index) => ({
      phoneNumbers: `06${String(10_000_000 + index).slice(-8)}`,
      message: `Message number ${index} with some text to make it longer`,
    }));
    const answer = await seed({ accounts: [{ apiKey: SHOP, credits: 10, messages }] });
    expect(answer.status).toBe(200);
    expect(server.store.listMessages(SHOP)).toHaveLength(2000);
  });
});

describe('a seed given at start (startMockServer({ seed }), --seed FILE)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMockServer({ seed: parseSeed({ ...SEED, prices: { FR: { premium: '0.05' } } }) });
  });
  afterAll(() => mock.close());

  test('is the state after every full reset, and may set the price of a credit', async () => {
    const credits = async () => (await get(mock.url, '/__mock/accounts', { apiKey: SHOP })).json;
    expect(await credits()).toMatchObject({ credits: 50, balance: '2.500000', messages: 2 });
    await post(mock.url, '/__mock/accounts', { apiKey: SHOP, credits: 1 });
    await post(mock.url, '/__mock/reset', {});
    expect(await credits()).toMatchObject({ credits: 50, messages: 2 });
    expect(mock.store.clock.state().now).toBe('2030-01-15T08:00:00.000Z');
  });
});

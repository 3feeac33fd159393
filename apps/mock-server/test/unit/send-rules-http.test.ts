import { creditsCodes, decodeXml, sendSmsCodes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { FUNDED, get, post, T0, useMock } from '../helpers.ts';

const account = (apiKey: string, extra: Record<string, unknown> = {}) => ({ apiKey, credits: 100, ...extra });
const server = useMock({
  config: {
    accounts: [
      account(FUNDED, { credits: 1000, unicode: true, username: 'funded@example.test', hlrCredits: 7 }),
      account('disabled-key', { status: 'disabled' }),
      account('blocked-key', { status: 'blocked' }),
      account('no-api-key', { apiAccess: false }),
      account('ip-key', { allowedIps: ['10.0.0.1'] }),
      account('ip-ok-key', { allowedIps: ['127.0.0.1'] }),
      account('no-lowcost-key', { lowCost: false }),
      account('no-unicode-key'),
      account('marketing-key', { marketing: true }),
      account('stop-key', { stopList: ['0611111111'] }),
      account('tiny-key', { balance: '0.076' }),
    ],
  },
});

const send = (body: Record<string, unknown>) => post(server.url, '/v1/send', body);
const base = (apiKey = FUNDED) => ({ apiKey, phoneNumbers: '0612345678', message: 'Bonjour' });

describe('POST /v1/send: account and destination codes, over HTTP', () => {
  test.each([
    [20, 'a deactivated account', base('disabled-key')],
    [30, 'a blocked account', base('blocked-key')],
    [40, 'an account without API access', base('no-api-key')],
    [96, 'a request from an IP outside the allow-list', base('ip-key')],
    [51, 'Low Cost on an account not eligible', { ...base('no-lowcost-key'), gamme: 2 }],
    [42, 'Low Cost over 160 characters', { ...base(), gamme: 2, message: 'a'.repeat(161) }],
    [
      14,
      'a number on the STOP list (written another way)',
      { ...base('stop-key'), phoneNumbers: '0698765432,+33611111111' },
    ],
    [13, 'a destination without a price', { ...base(), phoneNumbers: '+12025550123' }],
    [
      11,
      'a balance short of the cost',
      { ...base('tiny-key'), phoneNumbers: '0612345678,0698765432,0611111111' },
    ],
  ] as const)('code %i: %s', async (code, _label, body) => {
    const answer = await send(body);
    expect(answer.json).toEqual({ success: false, code, message: sendSmsCodes[code].message });
  });

  test('an IP on the allow-list passes', async () => {
    expect((await send(base('ip-ok-key'))).json).toMatchObject({ success: true });
  });

  test('a balance that covers the cost exactly passes, and ends at zero', async () => {
    expect((await send({ ...base('tiny-key'), phoneNumbers: '0612345678,0698765432' })).json).toMatchObject({
      success: true,
      cost: 0.076,
    });
    expect((await send({ ...base('tiny-key'), phoneNumbers: '0612345678,0698765432' })).json).toMatchObject({
      code: 11,
    });
    const zero = await send({ ...base('tiny-key') });
    expect(zero.json).toMatchObject({ code: 11 });
  });

  test('Low Cost: 160 characters pass at 0.023', async () => {
    expect((await send({ ...base(), gamme: 2, message: 'a'.repeat(160) })).json).toMatchObject({
      success: true,
      nb_sms: 1,
      cost: 0.023,
    });
  });

  test('isUnicode on an account without Unicode is a code-9 item; with it, 70/71 characters are 1/2 parts', async () => {
    expect((await send({ ...base('no-unicode-key'), isUnicode: 1 })).json).toEqual({
      success: false,
      code: 9,
      error: [
        { elementId: 'children[isUnicode].data', message: 'Unicode sending is not enabled on this account' },
      ],
    });
    expect((await send({ ...base(), isUnicode: 1, message: 'ж'.repeat(70) })).json).toMatchObject({
      nb_sms: 1,
    });
    expect((await send({ ...base(), isUnicode: 1, message: 'ж'.repeat(71) })).json).toMatchObject({
      nb_sms: 2,
    });
  });

  test('the STOP mention is counted: 146 characters + mention = 1 part, 147 = 2', async () => {
    expect((await send({ ...base(), isStopSms: 1, message: 'a'.repeat(146) })).json).toMatchObject({
      nb_sms: 1,
    });
    expect((await send({ ...base(), isStopSms: 1, message: 'a'.repeat(147) })).json).toMatchObject({
      nb_sms: 2,
    });
    expect(server.store.listMessages(FUNDED)?.[0]?.message).toBe(`${'a'.repeat(146)} STOP au 36180`);
  });

  test('special characters are replaced before counting and sending', async () => {
    await send({ ...base(), message: 'Crème brûlée [offre]' });
    expect(server.store.listMessages(FUNDED)?.[0]?.message).toBe('Crème brulée (offre)');
  });

  test('code 500 only when asked for, for as many requests as asked', async () => {
    expect(
      (await post(server.url, '/__mock/faults', { apiKey: FUNDED, endpoint: 'sendSms', times: 2 })).json,
    ).toMatchObject({ endpoint: 'sendSms', times: 2, code: null });
    for (let i = 0; i < 2; i++) {
      expect((await send(base())).json).toEqual({
        success: false,
        code: 500,
        message: sendSmsCodes[500].message,
      });
    }
    expect((await send(base())).json).toMatchObject({ success: true });
    expect(server.store.listMessages(FUNDED)).toHaveLength(1);
    expect((await post(server.url, '/__mock/faults', { apiKey: FUNDED, endpoint: 'nope' })).status).toBe(400);
  });
});

describe('the marketing window over HTTP', () => {
  const at = (iso: string) => server.store.clock.set(Date.parse(iso));
  const schedule = (date: string, time: number, minute: number) =>
    send({ ...base('marketing-key'), scheduledDeliveryDate: date, time, minute });

  test.each([
    ['19:55 on a Tuesday', '15/01/2030', 19, 55, { success: true }],
    ['20:00 on a Tuesday', '15/01/2030', 20, 0, { success: false, code: 22 }],
    ['07:55 on a Tuesday', '15/01/2030', 7, 55, { success: false, code: 22 }],
    ['08:00 on a Tuesday', '15/01/2030', 8, 0, { success: true }],
    ['a Sunday', '20/01/2030', 10, 0, { success: false, code: 23 }],
    ['Easter Monday', '22/04/2030', 10, 0, { success: false, code: 23 }],
    ['Whit Monday', '10/06/2030', 10, 0, { success: false, code: 23 }],
    ['Armistice Day', '11/11/2030', 10, 0, { success: false, code: 23 }],
  ])('a scheduled marketing send at %s', async (_label, date, time, minute, expected) => {
    at('2030-01-14T12:00:00Z');
    expect((await schedule(date, time, minute)).json).toMatchObject(expected);
  });

  test('an immediate marketing send at 19:59 goes now; at 20:00 it is held until 08:00 the next working day', async () => {
    at('2030-01-15T18:59:00Z');
    expect((await send(base('marketing-key'))).json).not.toHaveProperty('scheduledDeliveryDate');
    at('2030-01-15T19:00:00Z');
    expect((await send(base('marketing-key'))).json).toMatchObject({
      success: true,
      scheduledDeliveryDate: '2030-01-16 08:00:00',
    });
    at('2030-01-19T19:30:00Z');
    expect((await send(base('marketing-key'))).json).toMatchObject({
      scheduledDeliveryDate: '2030-01-21 08:00:00',
    });
    const held = server.store.listMessages('marketing-key')?.filter((message) => message.held) ?? [];
    expect(held.map((message) => message.sendAt)).toEqual([
      '2030-01-16T07:00:00.000Z',
      '2030-01-21T07:00:00.000Z',
    ]);
    expect(held.map((message) => message.state)).toEqual(['sent', 'scheduled']);
  });

  test('marketing sends carry the STOP mention automatically', async () => {
    at('2030-01-15T10:00:00Z');
    await send(base('marketing-key'));
    expect(server.store.listMessages('marketing-key')?.[0]?.message).toBe('Bonjour STOP au 36180');
  });

  test('non-marketing accounts send at any hour', async () => {
    at('2030-01-20T22:00:00Z');
    expect((await send(base())).json).not.toHaveProperty('scheduledDeliveryDate');
  });
});

describe('GET /v1/me', () => {
  test('answers the documented shape, credits derived from the balance', async () => {
    const answer = await get(server.url, '/v1/me', { apiKey: FUNDED });
    expect(answer.json).toEqual({
      success: true,
      code: 200,
      user: { username: 'funded@example.test' },
      credits: {
        creditSms: 1000,
        creditSmsECO: 1652,
        creditHlr: 7,
        toSend: 0,
        solde: '38.000',
        currency: 'EUR',
        balance: '38.000',
        // The recorded name, which both Go clients read: the same count as creditSmsECO.
        creditSmsLowCost: 1652,
      },
    });
  });

  test("the account holder's names, from the config or the admin API, as the official sample shows them", async () => {
    await post(server.url, '/__mock/accounts', {
      apiKey: 'named-key',
      balance: '0.050',
      name: 'named',
      username: 'jdoe@example.test',
      firstname: 'John',
      lastname: 'Doe',
    });
    const answer = await get(server.url, '/v1/me', { apiKey: 'named-key' });
    expect(answer.json).toMatchObject({
      user: { username: 'jdoe@example.test', firstname: 'John', lastname: 'Doe' },
      credits: { creditSms: 1, balance: '0.050' },
    });
    const xml = await get(server.url, '/v1/me', { apiKey: 'named-key', _format: 'xml' });
    expect(xml.text).toContain('<firstname>John</firstname>');
    expect(xml.text).toContain('<lastname>Doe</lastname>');
    expect((await get(server.url, '/__mock/accounts', { apiKey: 'named-key' })).json).toMatchObject({
      name: 'named',
      firstname: 'John',
      lastname: 'Doe',
      balance: '0.050000',
    });
  });

  test('moves with sends, scheduled sends, sandbox sends and cancels', async () => {
    await send({ ...base(), message: 'a'.repeat(161) });
    const scheduled = await send({ ...base(), scheduledDeliveryDate: '15/01/2030', time: 12, minute: 0 });
    await send({ ...base(), sandbox: 1 });
    let me = (await get(server.url, '/v1/me', { apiKey: FUNDED })).json;
    expect(me).toMatchObject({ credits: { creditSms: 997, toSend: 1, balance: '37.886' } });
    await get(server.url, '/v1/message-cancel', {
      apiKey: FUNDED,
      messageId: (scheduled.json as { message_id: number }).message_id,
    });
    me = (await get(server.url, '/v1/me', { apiKey: FUNDED })).json;
    expect(me).toMatchObject({ credits: { creditSms: 998, toSend: 0, balance: '37.924' } });
  });

  test('XML: the user block keeps its element names; the credits block is the documented 7 entries, strings in CDATA', async () => {
    server.store.clock.set(T0);
    const answer = await get(server.url, '/v1/me', { apiKey: FUNDED, _format: 'xml' });
    expect(answer.text).toContain('<entry>\n    <username>funded@example.test</username>\n  </entry>');
    // creditSms, creditSmsECO, creditHlr, toSend, solde, currency, balance (credits.md): the
    // older name creditSmsLowCost, sent in JSON for published clients, is no eighth entry.
    expect(decodeXml(answer.text)).toEqual([
      true,
      200,
      ['funded@example.test'],
      [1000, 1652, 7, 0, '38.000', 'EUR', '38.000'],
    ]);
    const json = (await get(server.url, '/v1/me', { apiKey: FUNDED })).json as { credits: object };
    expect(json.credits).toMatchObject({ creditSmsECO: 1652, creditSmsLowCost: 1652 });
  });

  test.each([
    [1, undefined],
    [10, 'nope'],
    [20, 'disabled-key'],
    [30, 'blocked-key'],
    [40, 'no-api-key'],
    [96, 'ip-key'],
  ] as const)('code %i', async (code, apiKey) => {
    expect((await get(server.url, '/v1/me', { apiKey })).json).toEqual({
      success: false,
      code,
      message: creditsCodes[code].message,
    });
  });

  test('the cancel endpoint does not know the account gates (the seed lists none)', async () => {
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: 'disabled-key', messageId: 1 })).json,
    ).toMatchObject({ code: 4 });
  });
});

describe('boundaries that pass', () => {
  test.each([
    ['a sender of 3 characters', { sender: 'ABC' }],
    ['a sender of 11 characters', { sender: 'ABCDEFGHIJK' }],
    ['a sender with a space', { sender: 'My Shop' }],
    ['minute 55', { scheduledDeliveryDate: '15/01/2030', time: 10, minute: 55 }],
    ['minute 0', { scheduledDeliveryDate: '15/01/2030', time: 10, minute: 0 }],
    [
      'hour 24 (midnight at the end of the day)',
      { scheduledDeliveryDate: '15/01/2030', time: 24, minute: 0 },
    ],
    ['a tag of 20 lowercase characters', { tag: 'a'.repeat(20) }],
  ])('%s', async (_label, change) => {
    expect((await send({ ...base(), ...change })).json).toMatchObject({ success: true, code: 200 });
  });
});

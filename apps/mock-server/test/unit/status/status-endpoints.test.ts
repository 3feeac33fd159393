import {
  codesOf,
  decodeXml,
  type EndpointName,
  endpoints,
  entriesToJson,
  NUMBER_NOT_FOUND,
} from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { FUNDED, get, MINUTE, post, scheduleAt, T0, useMock } from '../../helpers.ts';

const server = useMock();
const IP_KEY = 'status-ip-key';
const OTHER = 'status-other-key';

/** Sends through the real endpoint; returns the message id. */
async function send(
  phoneNumbers: string,
  extra: Record<string, unknown> = {},
  apiKey = FUNDED,
): Promise<number> {
  const answer = await post(server.url, '/v1/send', { apiKey, phoneNumbers, message: 'Hello', ...extra });
  expect(answer.json).toMatchObject({ success: true });
  return (answer.json as { message_id: number }).message_id;
}

async function advance(ms: number) {
  expect((await post(server.url, '/__mock/clock', { advanceBy: ms })).status).toBe(200);
}

async function accounts() {
  await post(server.url, '/__mock/accounts', { apiKey: IP_KEY, credits: 10, allowedIps: ['192.0.2.1'] });
  await post(server.url, '/__mock/accounts', { apiKey: OTHER, credits: 10 });
}

const call = (name: EndpointName, params: Record<string, unknown>) => {
  const endpoint = endpoints[name];
  return endpoint.method === 'GET'
    ? get(server.url, endpoint.path, params as Record<string, string | number | undefined>)
    : post(server.url, endpoint.path, params);
};

/** The failure body of a code, as the catalogue writes it. */
const failure = (name: EndpointName, code: number) => ({
  success: false,
  code,
  message: (endpoints[name].codes as Record<number, { message: string }>)[code]?.message,
});

/** [code, how, params (given the id of a message sent to 0600000000)]. */
type Case = [code: number, cause: string, params: (id: number) => Record<string, unknown>];

const cases: Record<'getMessageStatus' | 'getMultiStatus' | 'getBulkStatus' | 'getStatusByTag', Case[]> = {
  getMessageStatus: [
    [1, 'no apiKey', (id) => ({ messageId: id, phoneNumber: '0600000000' })],
    [2, 'no phoneNumber', (id) => ({ apiKey: FUNDED, messageId: id })],
    [3, 'no messageId', () => ({ apiKey: FUNDED, phoneNumber: '0600000000' })],
    [4, 'an id never issued', () => ({ apiKey: FUNDED, messageId: 999_999, phoneNumber: '0600000000' })],
    [
      4,
      'a number the message was not sent to',
      (id) => ({ apiKey: FUNDED, messageId: id, phoneNumber: '0611111111' }),
    ],
    [4, "another account's message", (id) => ({ apiKey: OTHER, messageId: id, phoneNumber: '0600000000' })],
    [
      4,
      'a message id that is not one',
      () => ({ apiKey: FUNDED, messageId: 'abc', phoneNumber: '0600000000' }),
    ],
    [
      9,
      'a number that is not a phone number',
      (id) => ({ apiKey: FUNDED, messageId: id, phoneNumber: '922264' }),
    ],
    [10, 'an unknown apiKey', (id) => ({ apiKey: 'nope', messageId: id, phoneNumber: '0600000000' })],
    [
      96,
      'a key allowed from another IP',
      (id) => ({ apiKey: IP_KEY, messageId: id, phoneNumber: '0600000000' }),
    ],
  ],
  getMultiStatus: [
    [1, 'no apiKey', (id) => ({ SMSStatut_List: [{ phoneNumber: '+33600000000', messageId: id }] })],
    [2, 'a pair without its number', (id) => ({ apiKey: FUNDED, SMSStatut_List: [{ messageId: id }] })],
    [
      3,
      'a pair without its id',
      () => ({ apiKey: FUNDED, SMSStatut_List: [{ phoneNumber: '+33600000000' }] }),
    ],
    [5, 'no list', () => ({ apiKey: FUNDED })],
    [5, 'an empty list', () => ({ apiKey: FUNDED, SMSStatut_List: [] })],
    [6, 'a list that is not one', () => ({ apiKey: FUNDED, SMSStatut_List: 'x' })],
    [6, 'a pair that is not an object', () => ({ apiKey: FUNDED, SMSStatut_List: ['+33600000000'] })],
    [
      6,
      'an id that is not one',
      () => ({ apiKey: FUNDED, SMSStatut_List: [{ phoneNumber: '+33600000000', messageId: 'abc' }] }),
    ],
    [
      9,
      'a number that is not a phone number',
      (id) => ({ apiKey: FUNDED, SMSStatut_List: [{ phoneNumber: '922264', messageId: id }] }),
    ],
    [
      10,
      'an unknown apiKey',
      (id) => ({ apiKey: 'nope', SMSStatut_List: [{ phoneNumber: '+33600000000', messageId: id }] }),
    ],
    [
      50,
      '501 pairs',
      (id) => ({
        apiKey: FUNDED,
        SMSStatut_List: Array.from({ length: 501 }, () => ({ phoneNumber: '+33600000000', messageId: id })),
      }),
    ],
    [
      96,
      'a key allowed from another IP',
      (id) => ({ apiKey: IP_KEY, SMSStatut_List: [{ phoneNumber: '+33600000000', messageId: id }] }),
    ],
  ],
  getBulkStatus: [
    [1, 'no apiKey', (id) => ({ messageId: id })],
    [3, 'no messageId', () => ({ apiKey: FUNDED })],
    [4, 'an id never issued', () => ({ apiKey: FUNDED, messageId: 999_999 })],
    [4, "another account's message", (id) => ({ apiKey: OTHER, messageId: id })],
    [10, 'an unknown apiKey', (id) => ({ apiKey: 'nope', messageId: id })],
    [96, 'a key allowed from another IP', (id) => ({ apiKey: IP_KEY, messageId: id })],
  ],
  getStatusByTag: [
    [1, 'no apiKey', () => ({ tag: 'promo' })],
    [3, 'no tag', () => ({ apiKey: FUNDED })],
    [4, 'a tag no message carries', () => ({ apiKey: FUNDED, tag: 'other' })],
    [4, "another account's tag", () => ({ apiKey: OTHER, tag: 'promo' })],
    [10, 'an unknown apiKey', () => ({ apiKey: 'nope', tag: 'promo' })],
    [96, 'a key allowed from another IP', () => ({ apiKey: IP_KEY, tag: 'promo' })],
  ],
};

describe.each(Object.entries(cases) as [keyof typeof cases, Case[]][])(
  '%s: every code, on purpose',
  (name, list) => {
    test('every code of the catalogue has a case (code 4 of multi-status is per item, below)', () => {
      const covered = [...new Set(list.map(([code]) => code))];
      const expected = (codesOf(endpoints[name].codes) as number[]).filter(
        (code) => !(name === 'getMultiStatus' && code === 4),
      );
      expect(covered.sort((a, b) => a - b)).toEqual(expected);
    });

    test.each(list)('code %i: %s, in JSON and XML', async (code, _cause, params) => {
      await accounts();
      const id = await send('0600000000', { tag: 'promo' });
      const answer = await call(name, params(id));
      expect(answer.json).toEqual(failure(name, code));
      const xml = await call(name, { ...params(id), _format: 'xml' });
      expect(xml.contentType).toMatch(/^application\/xml/);
      expect(decodeXml(xml.text)).toEqual([false, code, failure(name, code).message]);
    });
  },
);

describe('the lifecycle, as every status endpoint sees it', () => {
  test('scheduled → Waiting at its send time → Delivered 6 s later, in all four, JSON and XML', async () => {
    const sendAt = T0 + 60 * MINUTE;
    const id = await send('0600000000,+33611111111', { tag: 'promo', ...scheduleAt(sendAt) });
    const at = async (expected: string, date: number) => {
      const single = await call('getMessageStatus', {
        apiKey: FUNDED,
        messageId: id,
        phoneNumber: '0600000000',
      });
      expect(single.json).toEqual({
        success: true,
        code: 200,
        number: '+33600000000',
        messageId: String(id),
        stopSms: false,
        date: String(date / 1000),
        statut: expected,
        cost: 0.038,
        countryCode: 'FR',
        currency: 'EUR',
      });
      const multi = await call('getMultiStatus', {
        apiKey: FUNDED,
        SMSStatut_List: [
          { phoneNumber: '+33600000000', messageId: id },
          { phoneNumber: '+33699999999', messageId: id },
        ],
      });
      expect(multi.json).toEqual({
        success: true,
        code: 200,
        StatutResponse_List: [
          {
            success: true,
            code: 200,
            phoneNumber: '+33600000000',
            messageId: id,
            status: expected,
            date: String(date / 1000),
            stopSms: '0',
            isSpam: '0',
          },
          { success: false, code: 4, phoneNumber: '+33699999999', messageId: id, status: NUMBER_NOT_FOUND },
        ],
      });
      const items = ['+33600000000', '+33611111111'].map((phoneNumber) => ({
        phoneNumber,
        status: expected,
        stopSMS: false,
        date: String(date / 1000),
      }));
      expect((await call('getBulkStatus', { apiKey: FUNDED, messageId: id })).json).toEqual({
        success: true,
        code: 200,
        message_id: String(id),
        StatutResponse_List: items,
      });
      expect((await call('getStatusByTag', { apiKey: FUNDED, tag: 'promo' })).json).toEqual({
        success: true,
        code: 200,
        currentPage: 1,
        total: 2,
        StatutResponse_List: items,
      });
      // The same answers in XML, read back through the response schemas.
      for (const [name, params] of [
        ['getMessageStatus', { messageId: id, phoneNumber: '0600000000' }],
        ['getBulkStatus', { messageId: id }],
        ['getStatusByTag', { tag: 'promo' }],
        ['getMultiStatus', { SMSStatut_List: [{ phoneNumber: '+33600000000', messageId: id }] }],
      ] as const) {
        const json = await call(name, { apiKey: FUNDED, ...params });
        const xml = await call(name, { apiKey: FUNDED, ...params, _format: 'xml' });
        const decoded = endpoints[name].response.parse(
          entriesToJson(endpoints[name].response, decodeXml(xml.text)),
        );
        expect(decoded, name).toEqual(endpoints[name].response.parse(json.json));
      }
    };
    await at('Waiting', T0); // scheduled: Waiting, since it was created
    await advance(60 * MINUTE);
    await at('Waiting', sendAt); // sent, no receipt yet
    await advance(5_999);
    await at('Waiting', sendAt);
    await advance(1);
    await at('Delivered', sendAt + 6_000);
  });

  test('the test numbers decide their outcome; a cancelled message reads Not delivered from its cancel', async () => {
    const id = await send('+33699000001,+33699000002,+33699000006');
    const cancelled = await send('0600000000', scheduleAt(T0 + 60 * MINUTE));
    await get(server.url, '/v1/message-cancel', { apiKey: FUNDED, messageId: cancelled });
    await advance(6_000);
    const statuses = async () =>
      (
        (await call('getBulkStatus', { apiKey: FUNDED, messageId: id })).json as {
          StatutResponse_List: { status: string }[];
        }
      ).StatutResponse_List.map((item) => item.status);
    expect(await statuses()).toEqual(['Not delivered', 'Waiting', 'Waiting']);
    await advance(48 * 60 * MINUTE);
    expect(await statuses()).toEqual(['Not delivered', 'Waiting', 'Delivered']);
    expect((await call('getBulkStatus', { apiKey: FUNDED, messageId: cancelled })).json).toMatchObject({
      StatutResponse_List: [{ status: 'Not delivered', date: String(T0 / 1000) }],
    });
  });

  test('a cancelled message shows cost 0 (it was refunded), with one recipient or several', async () => {
    const single = await send('0600000000', scheduleAt(T0 + 60 * MINUTE));
    const several = await send('0600000000,0611111111', scheduleAt(T0 + 60 * MINUTE));
    const kept = await send('0622222222', scheduleAt(T0 + 60 * MINUTE));
    for (const messageId of [single, several]) {
      expect((await get(server.url, '/v1/message-cancel', { apiKey: FUNDED, messageId })).json).toMatchObject(
        {
          success: true,
        },
      );
    }
    const cost = async (messageId: number, phoneNumber: string) =>
      (await call('getMessageStatus', { apiKey: FUNDED, messageId, phoneNumber })).json as {
        cost: number;
        statut: string;
      };
    expect(await cost(single, '0600000000')).toMatchObject({ cost: 0, statut: 'Not delivered' });
    expect(await cost(several, '0600000000')).toMatchObject({ cost: 0, statut: 'Not delivered' });
    expect(await cost(several, '0611111111')).toMatchObject({ cost: 0, statut: 'Not delivered' });
    expect(await cost(kept, '0622222222')).toMatchObject({ cost: 0.038, statut: 'Waiting' });
  });

  test('a forced outcome wins from the time it is forced, for one recipient or all', async () => {
    const id = await send('0600000000,0611111111');
    const force = (body: Record<string, unknown>) => post(server.url, `/__mock/messages/${id}/status`, body);
    expect((await force({ status: 'Not delivered', phoneNumber: '0611111111' })).status).toBe(200);
    const statuses = async () =>
      (
        (await call('getBulkStatus', { apiKey: FUNDED, messageId: id })).json as {
          StatutResponse_List: { status: string }[];
        }
      ).StatutResponse_List.map((item) => item.status);
    expect(await statuses()).toEqual(['Waiting', 'Not delivered']);
    await advance(6_000);
    expect(await statuses()).toEqual(['Delivered', 'Not delivered']);
    await force({ status: 'Waiting' });
    expect(await statuses()).toEqual(['Waiting', 'Waiting']);
  });

  test('the clock moved back never takes a delivery back', async () => {
    const id = await send('0600000000');
    await advance(10_000);
    await advance(-60_000);
    expect(
      (await call('getMessageStatus', { apiKey: FUNDED, messageId: id, phoneNumber: '0600000000' })).json,
    ).toMatchObject({
      statut: 'Delivered',
      date: String((T0 + 6_000) / 1000),
    });
  });

  test('a bulk send answers each recipient at its own cost; sandbox messages cost 0', async () => {
    const bulk = await post(server.url, '/v1/bulk-send', {
      apiKey: FUNDED,
      SMSList: [
        { phoneNumber: '0600000000', message: 'short' },
        { phoneNumber: '+4915112345678', message: 'a'.repeat(200) },
      ],
    });
    const id = (bulk.json as { message_id: number }).message_id;
    const status = async (messageId: number, phoneNumber: string) =>
      (await call('getMessageStatus', { apiKey: FUNDED, messageId, phoneNumber })).json;
    expect(await status(id, '0600000000')).toMatchObject({ cost: 0.038, countryCode: 'FR' });
    expect(await status(id, '+4915112345678')).toMatchObject({ cost: 0.076, countryCode: 'DE' });
    const sandbox = await send('0600000000', { sandbox: 1 });
    expect(await status(sandbox, '0600000000')).toMatchObject({ cost: 0, statut: 'Waiting' });
  });

  test('status by tag pages by 100 recipients; total counts them all', async () => {
    const numbers = Array.from({ length: 150 }, (_, i) => `+336120${String(i).padStart(5, '0')}`);
    await send(numbers.slice(0, 120).join(','), { tag: 'big' });
    await send(numbers.slice(120).join(','), { tag: 'big' });
    const page = async (value?: unknown) =>
      (
        await call('getStatusByTag', {
          apiKey: FUNDED,
          tag: 'big',
          ...(value === undefined ? {} : { page: value }),
        })
      ).json as { currentPage: number; total: number; StatutResponse_List: { phoneNumber: string }[] };
    const first = await page();
    expect(first).toMatchObject({ currentPage: 1, total: 150 });
    expect(first.StatutResponse_List.map((item) => item.phoneNumber)).toEqual(numbers.slice(0, 100));
    const second = await page(2);
    expect(second.StatutResponse_List.map((item) => item.phoneNumber)).toEqual(numbers.slice(100));
    expect((await page(3)).StatutResponse_List).toEqual([]);
    expect((await page('nonsense')).currentPage).toBe(1);
  });

  test('multi-status answers a GET too (the official header), from the query string or a body', async () => {
    const id = await send('0600000000');
    const list = JSON.stringify([{ phoneNumber: '+33600000000', messageId: id }]);
    const byQuery = await get(server.url, '/v1/multi-status', { apiKey: FUNDED, SMSStatut_List: list });
    expect(byQuery.json).toMatchObject({
      success: true,
      StatutResponse_List: [{ code: 200, status: 'Waiting' }],
    });
    // A GET with a JSON body, as `curl -X GET -d` sends it (fetch refuses one: node:http).
    const { request } = await import('node:http');
    const body = JSON.stringify({
      apiKey: FUNDED,
      SMSStatut_List: [{ phoneNumber: '+33600000000', messageId: id }],
    });
    const byBody = await new Promise<unknown>((resolve, reject) => {
      const outgoing = request(new URL('/v1/multi-status', server.url), {
        method: 'GET',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      outgoing.on('response', (incoming) => {
        let text = '';
        incoming.on('data', (chunk) => {
          text += chunk;
        });
        incoming.on('end', () => resolve(JSON.parse(text)));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    expect(byBody).toMatchObject({ success: true, StatutResponse_List: [{ code: 200, status: 'Waiting' }] });
  });
});

describe('GET /v1/statistics/cost-resume', () => {
  const stats = (params: Record<string, unknown>) =>
    call('getSendingStatistics', { apiKey: FUNDED, ...params });

  test('month by month, Paris time: SMS parts and cost of what was sent, not cancelled nor sandbox', async () => {
    await post(server.url, '/__mock/clock', { now: '2030-01-31T22:30:00Z' }); // 23:30 on 31 January in Paris
    await send('0600000000,0611111111'); // January: 2 SMS
    await send('0600000000', { sandbox: 1 });
    const cancelled = await send('0600000000', scheduleAt(Date.parse('2030-02-05T09:00:00Z')));
    await get(server.url, '/v1/message-cancel', { apiKey: FUNDED, messageId: cancelled });
    await advance(60 * MINUTE); // 00:30 on 1 February in Paris
    await send('0600000000', { message: 'a'.repeat(200) }); // February: 2 parts
    await post(server.url, '/__mock/clock', { now: '2030-03-10T10:00:00Z' });
    const month = (name: string, m: string, start: string, cost: string, sent: string) => ({
      month: name,
      year: '2030',
      m,
      date: Date.parse(start) / 1000,
      type: 'month',
      cost,
      nb_send: sent,
    });
    const january = month('january', '01', '2030-01-01T00:00:00+01:00', '0.076', '2');
    const february = month('february', '02', '2030-02-01T00:00:00+01:00', '0.076', '2');
    expect((await stats({ interval: 'last_month' })).json).toEqual({ success: true, datas: [february] });
    expect((await stats({ interval: 'last_twelve_months' })).json).toEqual({
      success: true,
      datas: [january, february],
    });
    expect((await stats({ interval: 'custom', from: '31-01-2030', to: '31-01-2030' })).json).toEqual({
      success: true,
      datas: [january],
    });
    expect((await stats({ interval: 'custom', from: '01-03-2030', to: '31-03-2030' })).json).toEqual({
      success: true,
      datas: [],
    });
    const xml = await stats({ interval: 'last_month', _format: 'xml' });
    expect(decodeXml(xml.text)).toEqual([
      true,
      [['february', '2030', '02', february.date, 'month', '0.076', '2']],
    ]);
  });

  test.each([
    [1, 'no apiKey', { apiKey: undefined, interval: 'last_month' }, undefined],
    [9, 'no interval', {}, ['children[interval].data']],
    [9, 'an unknown interval', { interval: 'yesterday' }, ['children[interval].data']],
    [9, 'custom without its dates', { interval: 'custom' }, ['children[from].data', 'children[to].data']],
    [
      9,
      'a date in another format',
      { interval: 'custom', from: '2030-01-01', to: '31-01-2030' },
      ['children[from].data'],
    ],
    [
      9,
      'a day that does not exist',
      { interval: 'custom', from: '31-02-2030', to: '31-03-2030' },
      ['children[from].data'],
    ],
    [
      9,
      'from after to',
      { interval: 'custom', from: '02-01-2030', to: '01-01-2030' },
      ['children[from].data'],
    ],
    [10, 'an unknown apiKey', { apiKey: 'nope', interval: 'last_month' }, undefined],
  ])('code %i: %s', async (code, _cause, params, items) => {
    const answer = await stats(params);
    expect(answer.json).toMatchObject({ success: false, code });
    if (items)
      expect((answer.json as { error: { elementId: string }[] }).error.map((item) => item.elementId)).toEqual(
        items,
      );
  });

  test('code 429 past 5 requests a minute on the account clock, with HTTP 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await stats({ interval: 'last_month' })).status).toBe(200);
    const over = await stats({ interval: 'last_month' });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('60');
    expect(over.json).toEqual(failure('getSendingStatistics', 429));
    await advance(59_999);
    expect((await stats({ interval: 'last_month' })).status).toBe(429);
    expect((await stats({ interval: 'last_month' })).headers.get('retry-after')).toBe('1');
    await advance(1);
    expect((await stats({ interval: 'last_month' })).status).toBe(200);
    // Per account: another key is not limited by this one.
    await post(server.url, '/__mock/accounts', { apiKey: OTHER, credits: 1 });
    expect((await call('getSendingStatistics', { apiKey: OTHER, interval: 'last_month' })).status).toBe(200);
  });

  test('every code of the catalogue is covered above', () => {
    expect(codesOf(endpoints.getSendingStatistics.codes)).toEqual([1, 9, 10, 429]);
  });
});

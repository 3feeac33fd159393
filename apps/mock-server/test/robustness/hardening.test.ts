/**
 * The classes of defects that outside testing found (issue: hardening), each
 * guarded at the level of the class: any field name of any Unicode category,
 * any header the mock writes, any clock move, any number of stored messages,
 * any spelling of a key, any cross-site request, any method, any amount.
 */
import type { AnyEndpoint } from '@smspartner-kit/schema';
import { endpoints, sendSmsCodes } from '@smspartner-kit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createLogWriter, FLUSH_MS } from '../../src/http/log.ts';
import { decodeFully } from '../../src/http/secrets.ts';
import { startMockServer } from '../../src/index.ts';
import {
  exampleEntries,
  expectAlive,
  expectEnvelope,
  type HttpAnswer,
  type HttpRequest,
  http,
  registry,
  useMockServer,
} from './helpers.ts';

const KEY = 'hardening-key-7f3a9c2e';
const server = useMockServer({ config: { accounts: [{ apiKey: KEY, credits: 1000, name: 'hardening' }] } });
const postEndpoints = registry.filter(([, endpoint]) => endpoint.method !== 'GET');

const json = (
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): HttpRequest => ({
  method,
  path,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Every header the answer carries stays bounded: each value ≤ 1 KiB except Content-* , the block ≤ 4 KiB. */
function expectBoundedHeaders(answer: HttpAnswer): void {
  let block = 0;
  for (const [name, value] of Object.entries(answer.headers)) {
    const text = Array.isArray(value) ? value.join(', ') : String(value ?? '');
    block += name.length + text.length + 4;
    expect(Buffer.byteLength(text), `header ${name}`).toBeLessThanOrEqual(1024);
    expect(text, `header ${name} is ASCII`).toMatch(/^[\x20-\x7e]*$/);
  }
  expect(block).toBeLessThanOrEqual(4096);
}

/** A string of UTF-16 code units from anywhere in the range: lone surrogates, controls, every category. */
const anyName = fc.oneof(
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 12 })
    .map((units) => String.fromCharCode(...units)),
  fc
    .array(fc.integer({ min: 0, max: 0x10ffff }), { minLength: 1, maxLength: 6 })
    .map((points) => String.fromCodePoint(...points)),
  fc.constantFrom('\ud800', '\udfff', 'a\ud83d', '\u0000', '\u2028', '\ufeff', '%', '%zz', ',', ';', '"'),
);

describe('1. field names of every Unicode category never get a 5xx', () => {
  for (const [name, endpoint] of postEndpoints) {
    test(`${name}: a key of any code units next to valid fields gets an envelope of its catalogue`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(anyName, { minLength: 1, maxLength: 4 }), async (names) => {
          const body = Object.fromEntries([
            ...exampleEntries(endpoint, KEY),
            ['sandbox', 1],
            ...names.map((each) => [each, 1] as const),
          ]);
          const answer = await http(server.url, json(endpoint.method, endpoint.path, body));
          expect(answer.status).toBeLessThan(500);
          expectEnvelope(answer, endpoint);
          expectBoundedHeaders(answer);
          const count = Number(answer.headers['x-mock-unknown-params-count'] ?? 0);
          expect(count).toBeGreaterThanOrEqual(0);
        }),
        { numRuns: 40 },
      );
      await expectAlive(server);
    });
  }
});

describe('2. every header the mock writes stays bounded', () => {
  const send = endpoints.sendSms as AnyEndpoint;
  const base = Object.fromEntries([...exampleEntries(send, KEY), ['sandbox', 1]]);

  test.each([
    ['one field name of 1 MB', { ['x'.repeat(1_000_000)]: 1 }, 1],
    [
      '2,000 unknown fields',
      Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`field${i}`, i])),
      2000,
    ],
    [
      '200 names of 500 emoji',
      Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${i}${'😀'.repeat(500)}`, i])),
      200,
    ],
  ])('%s: a few names in ≤ 1 KiB, the count, the full list in the journal', async (_label, extra, count) => {
    const answer = await http(server.url, json('POST', send.path, { ...base, ...extra }));
    expect(JSON.parse(answer.text)).toMatchObject({ success: true });
    expectBoundedHeaders(answer);
    expect(answer.headers['x-mock-unknown-params-count']).toBe(String(count));
    const listed = String(answer.headers['x-mock-unknown-params']).split(',');
    expect(listed.length).toBeGreaterThanOrEqual(1);
    expect(listed.length).toBeLessThanOrEqual(10);
    const journal = JSON.parse(
      (await http(server.url, { method: 'GET', path: `/__mock/requests?apiKey=${KEY}&limit=1` })).text,
    );
    expect(journal.requests[0]).toMatchObject({ endpoint: 'sendSms', unknownCount: count, code: 200 });
    expect(journal.requests[0].unknownFields.length).toBe(Math.min(count, 100));
  });

  test('a preflight asking for 1,500 headers, or one of 7,000 characters, gets a bounded Access-Control-Allow-Headers', async () => {
    for (const requested of [
      Array.from({ length: 1_500 }, (_, i) => `x-h${i}`).join(','),
      `x-${'a'.repeat(7_000)}`,
    ]) {
      const answer = await http(server.url, {
        method: 'OPTIONS',
        path: send.path,
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': requested,
        },
      });
      expect(answer.status).toBe(204);
      expectBoundedHeaders(answer);
    }
  });
});

describe('3. nothing can poison a clock', () => {
  const poison: [string, Record<string, unknown>][] = [
    ['advanceBy 1e20', { advanceBy: 1e20 }],
    ['advanceBy -1e20', { advanceBy: -1e20 }],
    ['advanceBy before 1970', { advanceBy: -Date.parse('9999-12-31T23:00:00Z') - 1 }],
    ['advanceBy a fraction', { advanceBy: 1.5 }],
    ['advanceBy MAX_SAFE_INTEGER', { advanceBy: Number.MAX_SAFE_INTEGER }],
    ['now in year 10000', { now: '+010000-01-01T00:00:00Z' }],
    ['now before 1970', { now: '1969-12-31T23:59:59Z' }],
  ];
  for (const scope of ['global', 'account'] as const) {
    test.each(poison)(
      `${scope} clock, %s: 400, nothing changes, and sends still schedule`,
      async (_label, move) => {
        const apiKey = scope === 'account' ? { apiKey: KEY } : {};
        await http(server.url, json('POST', '/__mock/clock', { ...apiKey, now: '9999-12-31T23:00:00Z' }));
        const before = JSON.parse(
          (
            await http(server.url, {
              method: 'GET',
              path: `/__mock/clock${scope === 'account' ? `?apiKey=${KEY}` : ''}`,
            })
          ).text,
        );
        const answer = await http(server.url, json('POST', '/__mock/clock', { ...apiKey, ...move }));
        expect(answer.status).toBe(400);
        expect(JSON.parse(answer.text).error).toMatch(
          /1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z|ISO-8601|whole number/,
        );
        const after = await http(server.url, {
          method: 'GET',
          path: `/__mock/clock${scope === 'account' ? `?apiKey=${KEY}` : ''}`,
        });
        expect(after.status).toBe(200);
        expect(JSON.parse(after.text)).toEqual(before);
        // A large but valid advance past the end is refused too.
        expect(
          (await http(server.url, json('POST', '/__mock/clock', { ...apiKey, advanceBy: 3_600_000 }))).status,
        ).toBe(400);
        await http(server.url, json('POST', '/__mock/clock', { ...apiKey, now: '2030-01-15T08:00:00Z' }));
        const sent = await http(
          server.url,
          json('POST', '/v1/send', {
            apiKey: KEY,
            phoneNumbers: '0612345678',
            message: 'still works',
            scheduledDeliveryDate: '16/01/2030',
            time: 10,
            minute: 0,
            sandbox: 1,
          }),
        );
        expect(JSON.parse(sent.text)).toMatchObject({ success: true, code: 200 });
        await http(server.url, json('POST', '/__mock/reset', {}));
      },
    );
  }
});

describe('4. the store is bounded, and never drops a message that can still change', () => {
  const scheduled = (apiKey: string, extra: Record<string, unknown> = {}) => ({
    apiKey,
    phoneNumbers: '0612345678',
    message: 'hello',
    scheduledDeliveryDate: '16/01/2030',
    time: 10,
    minute: 0,
    ...extra,
  });

  test('at the bound a send answers code 500 in the API voice, debits nothing, and every message stays', async () => {
    const mock = await startMockServer({
      config: { accounts: [{ apiKey: KEY, credits: 100 }], limits: { messages: 3 } },
    });
    try {
      mock.store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
      for (let i = 0; i < 3; i++) {
        expect(
          JSON.parse((await http(mock.url, json('POST', '/v1/send', scheduled(KEY)))).text),
        ).toMatchObject({ code: 200 });
      }
      const full = await http(mock.url, json('POST', '/v1/send', scheduled(KEY)));
      expect(JSON.parse(full.text)).toEqual({
        success: false,
        code: 500,
        message: sendSmsCodes[500].message,
      });
      expect(mock.store.account(KEY)?.credits).toBe(97);
      expect(mock.store.listMessages(KEY)).toHaveLength(3);
      // A bulk send counts its recipients.
      const bulk = await http(
        mock.url,
        json('POST', '/v1/bulk-send', {
          apiKey: KEY,
          SMSList: [{ phoneNumber: '0612345679', message: 'x' }],
        }),
      );
      expect(JSON.parse(bulk.text)).toMatchObject({ success: false, code: 500 });
      // Cancelling does not free room under the default policy: the cancelled message can still be queried.
      const first = (mock.store.listMessages(KEY) ?? [])[0]?.messageId;
      await http(mock.url, { method: 'GET', path: `/v1/message-cancel?apiKey=${KEY}&messageId=${first}` });
      expect(JSON.parse((await http(mock.url, json('POST', '/v1/send', scheduled(KEY)))).text)).toMatchObject(
        { code: 500 },
      );
    } finally {
      await mock.close();
    }
  });

  test('sandbox messages a day old make room first once finished (the docs: deleted from send lists daily)', async () => {
    const mock = await startMockServer({
      config: { accounts: [{ apiKey: KEY, credits: 100 }], limits: { messages: 2 } },
    });
    try {
      mock.store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
      await http(mock.url, json('POST', '/v1/send', scheduled(KEY, { sandbox: 1 })));
      await http(mock.url, json('POST', '/v1/send', scheduled(KEY)));
      expect(JSON.parse((await http(mock.url, json('POST', '/v1/send', scheduled(KEY)))).text)).toMatchObject(
        { code: 500 },
      );
      // A day old but still scheduled (16/01 at 10:00 Paris): it can still change, so it stays.
      mock.store.clock.advanceBy(24 * 60 * 60 * 1000);
      expect(
        JSON.parse(
          (
            await http(
              mock.url,
              json('POST', '/v1/send', scheduled(KEY, { scheduledDeliveryDate: '17/01/2030' })),
            )
          ).text,
        ),
      ).toMatchObject({ code: 500 });
      // Sent at 10:00 and delivered 6 s later: finished, and purged.
      mock.store.clock.advanceBy(60 * 60 * 1000 + 6_000);
      const ok = await http(
        mock.url,
        json('POST', '/v1/send', scheduled(KEY, { scheduledDeliveryDate: '17/01/2030' })),
      );
      expect(JSON.parse(ok.text)).toMatchObject({ code: 200 });
      expect(mock.store.listMessages(KEY)?.map((message) => message.sandbox)).toEqual([false, false]);
    } finally {
      await mock.close();
    }
  });

  test('evict-finished drops the oldest cancelled or delivered messages, never a scheduled or waiting one', async () => {
    const mock = await startMockServer({
      config: {
        accounts: [{ apiKey: KEY, credits: 100 }],
        limits: { messages: 3, whenFull: 'evict-finished' },
      },
    });
    try {
      mock.store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
      const ids: number[] = [];
      for (const extra of [
        {},
        { scheduledDeliveryDate: undefined, time: undefined, minute: undefined },
        {},
      ]) {
        const answer = JSON.parse(
          (await http(mock.url, json('POST', '/v1/send', scheduled(KEY, extra)))).text,
        );
        ids.push(answer.message_id);
      }
      // ids[1] was sent at once, but is `Waiting` for its receipt: it can still change, so nothing goes.
      expect(JSON.parse((await http(mock.url, json('POST', '/v1/send', scheduled(KEY)))).text)).toMatchObject(
        { code: 500 },
      );
      // Delivered 6 s after its send (the default delay): finished. ids[0] and ids[2] are scheduled.
      mock.store.clock.advanceBy(60_000);
      const answer = JSON.parse((await http(mock.url, json('POST', '/v1/send', scheduled(KEY)))).text);
      expect(answer).toMatchObject({ code: 200 });
      expect(mock.store.listMessages(KEY)?.map((message) => message.messageId)).toEqual([
        ids[0],
        ids[2],
        answer.message_id,
      ]);
      // Only scheduled messages left: the next one is refused, none dropped.
      expect(JSON.parse((await http(mock.url, json('POST', '/v1/send', scheduled(KEY)))).text)).toMatchObject(
        { code: 500 },
      );
      expect(mock.store.listMessages(KEY)).toHaveLength(3);
    } finally {
      await mock.close();
    }
  });

  test('stored text is bounded too', async () => {
    const mock = await startMockServer({
      config: { accounts: [{ apiKey: KEY, credits: 1000 }], limits: { textChars: 1000 } },
    });
    try {
      mock.store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
      const long = scheduled(KEY, { message: 'a'.repeat(600), sandbox: 1 });
      expect(JSON.parse((await http(mock.url, json('POST', '/v1/send', long))).text)).toMatchObject({
        code: 200,
      });
      expect(JSON.parse((await http(mock.url, json('POST', '/v1/send', long))).text)).toMatchObject({
        code: 500,
      });
      expect(mock.store.messages.usage()).toMatchObject({ messages: 1 });
    } finally {
      await mock.close();
    }
  });

  test('GET /__mock/messages pages with limit and cursor, in id order, every message exactly once', async () => {
    for (let i = 0; i < 25; i++)
      await http(server.url, json('POST', '/v1/send', scheduled(KEY, { sandbox: 1 })));
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const query: string = `/__mock/messages?apiKey=${KEY}&limit=10${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = JSON.parse((await http(server.url, { method: 'GET', path: query })).text);
      expect(page.messages.length).toBeLessThanOrEqual(10);
      seen.push(...page.messages.map((message: { messageId: number }) => message.messageId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([...new Set(seen)].sort((a, b) => a - b));
    expect(seen).toHaveLength(server.store.listMessages(KEY)?.length ?? -1);
    for (const bad of ['limit=0', 'limit=1001', 'limit=x', 'cursor=-1', 'cursor=1e3']) {
      expect(
        (await http(server.url, { method: 'GET', path: `/__mock/messages?apiKey=${KEY}&${bad}` })).status,
      ).toBe(400);
    }
    await http(server.url, json('POST', '/__mock/reset', {}));
  });
});

describe('5. no log line, answer, header or journal entry holds a known key, under any spelling', () => {
  /** Ways to smuggle a key past a redaction by exact name. */
  const NAMES = [
    'apiKey[]',
    'apiKey%5B%5D',
    'apiKey+',
    'apiKey.',
    'apiKey%00',
    '__proto__[apiKey]',
    'constructor[prototype][apiKey]',
    'API_KEY',
    'x-api-key',
    'apikey',
  ];
  const percentAll = (text: string, upper: boolean) =>
    [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, upper ? '0' : '0')}`).join('');

  function leaks(text: string, key: string): boolean {
    return (
      text.includes(key) ||
      decodeFully(text).includes(key) ||
      decodeFully(text.replace(/\+/g, ' ')).includes(key)
    );
  }

  test('names, paths, values, field names and encodings: the key appears nowhere', async () => {
    const seen: string[] = [];
    const record = (answer: HttpAnswer) => seen.push(`${answer.text}\n${JSON.stringify(answer.headers)}`);
    const logged = server.logs.length;
    const requests: HttpRequest[] = [
      ...NAMES.map((name) => ({ method: 'GET', path: `/v1/me?${name}=${KEY}` })),
      ...NAMES.map((name) => ({ method: 'GET', path: `/v1/me?x=1;${name}=${KEY}` })),
      { method: 'GET', path: `/v1/me?x=1#&apiKey=${KEY}` },
      { method: 'GET', path: `/v1/me/${KEY}` },
      { method: 'GET', path: `/v1/${percentAll(KEY, true)}` },
      { method: 'GET', path: `/v1/me/${encodeURIComponent(encodeURIComponent(KEY))}` },
      { method: 'GET', path: `/v1/me?apiKey=${percentAll(KEY, false)}` },
      { method: 'GET', path: `/v1/message-cancel?apiKey=${KEY}&messageId=${KEY}` },
      { method: 'GET', path: `/__mock/nope/${KEY}` },
      json('POST', '/v1/send', { apiKey: KEY, phoneNumbers: KEY, message: KEY, sender: KEY, [KEY]: 1 }),
      json('POST', '/v1/send', {
        apiKey: KEY,
        phoneNumbers: percentAll(KEY, true),
        message: 'x',
        sandbox: 1,
      }),
      json('POST', '/v1/send', { apiKey: KEY, phoneNumbers: '0612345678', message: KEY, sandbox: 1 }),
      json('POST', '/v1/send', {
        apiKey: KEY,
        [percentAll(KEY, true)]: 1,
        phoneNumbers: '0612345678',
        message: 'x',
      }),
      {
        method: 'OPTIONS',
        path: '/v1/send',
        headers: {
          origin: 'http://localhost:1',
          'access-control-request-method': 'POST',
          'access-control-request-headers': KEY,
        },
      },
    ];
    for (const request of requests) record(await http(server.url, request));
    for (const path of [
      `/__mock/requests?limit=1000`,
      `/__mock/messages?apiKey=${KEY}`,
      `/__mock/accounts?apiKey=${KEY}`,
    ]) {
      record(await http(server.url, { method: 'GET', path }));
    }
    seen.push(...server.logs.slice(logged));
    // Every API request is logged (the preflight and the admin 404 are not API requests).
    expect(server.logs.length - logged).toBe(requests.length - 2);
    expect(seen.filter((text) => leaks(text, KEY))).toEqual([]);
    // Keys the mock does not know are still removed by name.
    const unknown = 'unknown-secret-9d2f1e';
    const before = server.logs.length;
    for (const name of NAMES) await http(server.url, { method: 'GET', path: `/v1/me?${name}=${unknown}` });
    expect(server.logs.slice(before).filter((line) => leaks(line, unknown))).toEqual([]);
    // One request, one line: control characters in a URL cannot forge log lines.
    const lines = server.logs.length;
    await http(server.url, { method: 'GET', path: '/v1/me%0A2030-01-01T00:00:00.000Z%20GET%20/forged' });
    expect(server.logs.slice(lines)).toHaveLength(1);
    expect(server.logs.at(-1)).not.toMatch(/[\n\r]/);
    await http(server.url, json('POST', '/__mock/reset', {}));
  });
});

describe('6. the admin API cannot be reached across sites', () => {
  test('a simple cross-site request (text/plain, no preflight) cannot reset: 415, nothing changes', async () => {
    server.store.upsertAccount('admin-victim', 5);
    const answer = await http(server.url, {
      method: 'POST',
      path: '/__mock/reset',
      headers: { 'content-type': 'text/plain', origin: 'http://localhost:3000' },
      body: '{}',
    });
    expect(answer.status).toBe(415);
    expect(server.store.account('admin-victim')).toBeDefined();
  });

  test.each(['POST', 'DELETE', 'PUT'])(
    '%s from an origin outside the CORS policy is a 403, even as JSON',
    async (method) => {
      server.store.upsertAccount('admin-victim', 5);
      const answer = await http(
        server.url,
        json(method, '/__mock/reset', {}, { origin: 'https://evil.example' }),
      );
      expect(answer.status).toBe(403);
      expect(server.store.account('admin-victim')).toBeDefined();
    },
  );

  test('a foreign Host name (DNS rebinding) is refused on the API and the admin API', async () => {
    for (const request of [
      { method: 'GET', path: `/v1/me?apiKey=${KEY}`, headers: { host: 'rebind.evil.example' } },
      { method: 'GET', path: '/__mock/clock', headers: { host: 'rebind.evil.example:4010' } },
      json('POST', '/__mock/reset', {}, { host: '127.0.0.1.evil.example' }),
    ]) {
      const answer = await http(server.url, request);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.text)).toMatchObject({ success: false, code: 403 });
    }
    for (const host of ['localhost:4010', '127.0.0.1', '[::1]:4010', 'app.localhost']) {
      expect(
        (await http(server.url, { method: 'GET', path: '/__mock/clock', headers: { host } })).status,
      ).toBe(200);
    }
  });

  test('--allowed-hosts adds names; an admin token is required when set', async () => {
    const mock = await startMockServer({ allowedHosts: ['mock'], adminToken: 'token-123456' });
    try {
      expect(
        (await http(mock.url, { method: 'GET', path: '/__mock/clock', headers: { host: 'mock:4010' } }))
          .status,
      ).toBe(401);
      const ok = await http(mock.url, {
        method: 'GET',
        path: '/__mock/clock',
        headers: { host: 'mock:4010', authorization: 'Bearer token-123456' },
      });
      expect(ok.status).toBe(200);
      expect(
        (
          await http(mock.url, {
            method: 'GET',
            path: '/__mock/clock',
            headers: { authorization: 'Bearer wrong' },
          })
        ).status,
      ).toBe(401);
      expect(
        (await http(mock.url, { method: 'GET', path: '/v1/me?apiKey=x', headers: { host: 'other' } })).status,
      ).toBe(403);
    } finally {
      await mock.close();
    }
  });
});

describe('7. HEAD and OPTIONS never change state', () => {
  test('HEAD on the cancel route is a 405 and the message stays scheduled; OPTIONS is a 204 with Allow', async () => {
    server.store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
    const sent = JSON.parse(
      (
        await http(
          server.url,
          json('POST', '/v1/send', {
            apiKey: KEY,
            phoneNumbers: '0612345678',
            message: 'x',
            scheduledDeliveryDate: '16/01/2030',
            time: 10,
            minute: 0,
          }),
        )
      ).text,
    );
    const path = `/v1/message-cancel?apiKey=${KEY}&messageId=${sent.message_id}`;
    const head = await http(server.url, { method: 'HEAD', path });
    expect(head.status).toBe(405);
    expect(head.headers.allow).toBe('GET, OPTIONS');
    const options = await http(server.url, { method: 'OPTIONS', path });
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, OPTIONS');
    expect(
      server.store.listMessages(KEY)?.find((message) => message.messageId === sent.message_id),
    ).toMatchObject({
      state: 'scheduled',
      refundedSms: 0,
    });
    await http(server.url, json('POST', '/__mock/reset', {}));
  });
});

describe('8 and 19. money stays exact for every amount accepted; what cannot be exact is refused', () => {
  test.each([
    [{ credits: 9_007_199_254_740_991 }, 400],
    [{ credits: 1_000_000_001 }, 400],
    [{ credits: 1.5 }, 400],
    [{ balance: '1000000000.000001' }, 400],
    [{ balance: '0.0000001' }, 400],
    [{ balance: '-1' }, 400],
    [{ balance: 'lots' }, 400],
    [{ credits: 1, balance: '1' }, 400],
    [{ balance: '0.050' }, 201],
    [{ balance: 0.05 }, 201],
    [{ balance: '1000000000' }, 201],
    [{ credits: 1_000_000_000 }, 201],
  ])('%j → %i', async (money, status) => {
    const answer = await http(
      server.url,
      json('POST', '/__mock/accounts', { apiKey: 'money-key', ...money }),
    );
    expect(answer.status).toBe(status);
    if (status === 201) {
      const before = server.store.account('money-key')?.balanceMicros as number;
      const sent = await http(
        server.url,
        json('POST', '/v1/send', { apiKey: 'money-key', phoneNumbers: '0612345678', message: 'x' }),
      );
      if (before >= 38_000) {
        expect(JSON.parse(sent.text)).toMatchObject({ code: 200, cost: 0.038 });
        expect(server.store.account('money-key')?.balanceMicros).toBe(before - 38_000);
      }
    }
    server.store.resetAccount('money-key');
  });

  test('a config with more credits than can stay exact is refused, naming no key', async () => {
    await expect(
      startMockServer({
        config: { accounts: [{ apiKey: 'cfg-secret-key', credits: 9_007_199_254_740_991 }] },
      }),
    ).rejects.toThrow(/credits: at most 1000000000/);
    const refused = await startMockServer({
      config: { accounts: [{ apiKey: 'cfg-secret-key', balance: '99999999999' }] },
    }).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/accounts\.0\.balance: a decimal amount/);
    expect((refused as Error).message).not.toContain('cfg-secret-key');
  });
});

describe('9. the log is written in batches', () => {
  test('lines go out together after FLUSH_MS (or at 64 KiB, or on flush), each timestamped', async () => {
    const chunks: string[] = [];
    let now = Date.parse('2030-01-15T08:00:00Z');
    const log = createLogWriter(
      (chunk) => chunks.push(chunk),
      () => now,
    );
    log('GET /v1/me -> 200 code=200');
    now += 1;
    log('GET /v1/me -> 200 code=10');
    expect(chunks).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, FLUSH_MS + 20));
    expect(chunks).toEqual([
      '2030-01-15T08:00:00.000Z GET /v1/me -> 200 code=200\n2030-01-15T08:00:00.001Z GET /v1/me -> 200 code=10\n',
    ]);
    log('x'.repeat(70_000));
    expect(chunks).toHaveLength(2);
    log('last');
    log.flush();
    expect(chunks.at(-1)).toBe('2030-01-15T08:00:00.001Z last\n');
  });
});

describe('content types that published clients send', () => {
  test("the Ruby gem's call (JSON body as application/x-www-form-urlencoded) sends; the Go client's (JSON) too", async () => {
    const body = {
      apiKey: KEY,
      phoneNumbers: '+33612345678',
      message: 'From Ruby',
      sender: 'Ruby',
      sandbox: 1,
    };
    const ruby = await http(server.url, {
      method: 'POST',
      path: '/v1/send',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify(body),
    });
    expect(JSON.parse(ruby.text)).toMatchObject({ success: true, code: 200 });
    const go = await http(server.url, json('POST', '/v1/send', body));
    expect(JSON.parse(go.text)).toMatchObject({ success: true, code: 200 });
    const me = JSON.parse((await http(server.url, { method: 'GET', path: `/v1/me?apiKey=${KEY}` })).text);
    expect(me.credits.creditSmsLowCost).toBe(me.credits.creditSmsECO);
  });
});

import { decodeXml, endpoints } from '@smspartner-kit/schema';
import { afterAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../src/index.ts';
import { FUNDED, get, post, useMock } from '../helpers.ts';

const server = useMock();

describe('bad input gets a documented answer, never a crash or a stack trace', () => {
  test.each([
    ['broken JSON', '{"apiKey": "x", ', 'application/json', 'Malformed JSON: syntax error'],
    ['an empty body', '', 'application/json', 'Malformed JSON: syntax error'],
    ['a JSON array', '[1,2]', 'application/json', 'Malformed JSON: the body must be a JSON object'],
    ['JSON null', 'null', 'application/json', 'Malformed JSON: the body must be a JSON object'],
    ['plain text', 'hello', 'text/plain', 'Malformed JSON: syntax error'],
    [
      'form fields under a JSON content type',
      'apiKey=x&message=y',
      'application/json',
      'Malformed JSON: syntax error',
    ],
    // The seed's wire quirk: an unescaped quote inside the message.
    [
      'an unescaped quote in the message',
      '{"apiKey":"test-funded-key","phoneNumbers":"0612345678","message":"He said "hi""}',
      'application/json',
      'Malformed JSON: syntax error',
    ],
  ])('%s → code 90 with HTTP 400 (send.md: malformed JSON is a 400)', async (_label, body, type, message) => {
    const answer = await post(server.url, '/v1/send', body, { headers: { 'content-type': type } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ success: false, code: 90, message });
  });

  test('a typographic quote (”) is text, not a JSON delimiter: the send succeeds', async () => {
    const answer = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678',
      message: 'He said ”hi”',
      sandbox: 1,
    });
    expect(answer.json).toMatchObject({ success: true, code: 200 });
  });

  test.each([
    [
      'application/x-www-form-urlencoded',
      'The body was read as JSON although it came with Content-Type application/x-www-form-urlencoded',
    ],
    [
      'text/plain;charset=UTF-8',
      'The body was read as JSON although it came with Content-Type text/plain;charset=UTF-8',
    ],
    [undefined, 'The body was read as JSON although it came with no Content-Type'],
  ])(
    'a JSON body sent as %s is read as JSON (the Ruby gem does this), with a warning',
    async (type, warning) => {
      const response = await fetch(`${server.url}/v1/send`, {
        method: 'POST',
        body: new TextEncoder().encode(
          JSON.stringify({ apiKey: FUNDED, phoneNumbers: '0612345678', message: 'x', sandbox: 1 }),
        ),
        headers: type ? { 'content-type': type } : {},
      });
      expect(await response.json()).toMatchObject({ success: true, code: 200 });
      expect(response.headers.get('x-mock-warning')).toBe(warning);
    },
  );

  test('genuine form fields are read as PHP reads them, brackets included, with a warning', async () => {
    const form = new URLSearchParams([
      ['apiKey', FUNDED],
      ['sandbox', '1'],
      ['SMSList[0][phoneNumber]', '0612345678'],
      ['SMSList[0][message]', 'first'],
      ['SMSList[1][phoneNumber]', '0612345679'],
      ['SMSList[1][message]', 'second'],
    ]);
    const answer = await post(server.url, '/v1/bulk-send', form.toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(answer.json).toMatchObject({ success: true, code: 200 });
    expect(answer.headers.get('x-mock-warning')).toBe(
      'The body was read as form fields: SMS Partner documents JSON bodies',
    );
  });

  test('strict mode reads application/json only', async () => {
    const mock = await startMockServer({
      config: { accounts: [{ apiKey: 'k', credits: 1 }], strictParams: true },
    });
    try {
      const answer = await post(
        mock.url,
        '/v1/send',
        JSON.stringify({ apiKey: 'k', phoneNumbers: '0612345678', message: 'x' }),
        {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      );
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        success: false,
        code: 90,
        message: 'Malformed JSON: the body must be JSON sent with Content-Type: application/json',
      });
    } finally {
      await mock.close();
    }
  });

  test('JSON with a charset parameter is JSON', async () => {
    const answer = await post(
      server.url,
      '/v1/send',
      { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'x' },
      { headers: { 'content-type': 'application/json; charset=utf-8' } },
    );
    expect(answer.json).toMatchObject({ success: true });
  });

  test('code 90 in XML when the query asks for XML', async () => {
    const answer = await post(server.url, '/v1/send?_format=xml', '{', {});
    expect(decodeXml(answer.text)).toEqual([false, 90, 'Malformed JSON: syntax error']);
  });

  test('a body over the limit is a 413 with code 413, and the server keeps serving', async () => {
    const answer = await post(
      server.url,
      '/v1/send',
      JSON.stringify({ apiKey: FUNDED, message: 'x'.repeat(1_100_000) }),
    );
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({
      success: false,
      code: 413,
      message: 'Request body too large (limit 1048576 bytes)',
    });
    expect(
      (await post(server.url, '/v1/send', { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'x' })).json,
    ).toMatchObject({ success: true });
  });

  test.each([
    [
      'wrong types everywhere',
      {
        apiKey: FUNDED,
        phoneNumbers: 612345678,
        message: ['x'],
        sender: 12,
        time: {},
        minute: null,
        sandbox: 'maybe',
      },
    ],
    [
      'prototype keys',
      JSON.parse(
        '{"apiKey":"test-funded-key","__proto__":{"credits":1},"constructor":{"prototype":{}},"phoneNumbers":"0612345678","message":"x"}',
      ),
    ],
    ['a huge unicode message', { apiKey: FUNDED, phoneNumbers: '0612345678', message: '😀'.repeat(100_000) }],
  ])('%s: a documented code, state untouched', async (_label, body) => {
    const before = server.store.account(FUNDED)?.credits;
    const answer = await post(server.url, '/v1/send', body);
    expect(answer.status).toBe(200);
    expect([9, 45, 52, 200]).toContain((answer.json as { code: number }).code);
    expect(answer.text).not.toMatch(/at .*\.(ts|js):\d+/);
    if ((answer.json as { code: number }).code !== 200)
      expect(server.store.account(FUNDED)?.credits).toBe(before);
  });

  test('repeated query parameters are a documented code, not a crash', async () => {
    const answer = await fetch(`${server.url}/v1/message-cancel?apiKey=${FUNDED}&messageId=1&messageId=2`);
    expect(await answer.json()).toEqual({ success: false, code: 4, message: 'Message not found' });
  });

  test('an unknown path is a 404 naming the nearest endpoint', async () => {
    const answer = await get(server.url, '/v1/message-cancell');
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({
      success: false,
      code: 404,
      message: 'Unknown endpoint GET /v1/message-cancell. Did you mean GET /v1/message-cancel?',
      // Each route once: an entry selected by a field (Add Bulk Contacts) shares Add Contact's.
      endpoints: Object.values(endpoints)
        .filter((endpoint) => !('selectedBy' in endpoint))
        .map((endpoint) => `${endpoint.method} ${endpoint.path}`),
    });
    expect((await post(server.url, '/v1/sen', {})).json).toMatchObject({
      message: 'Unknown endpoint POST /v1/sen. Did you mean POST /v1/send?',
    });
  });

  test('a wrong method is a 405 with Allow', async () => {
    const answer = await post(server.url, '/v1/message-cancel', {});
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, OPTIONS');
    expect(answer.json).toEqual({
      success: false,
      code: 405,
      message: 'POST is not allowed on /v1/message-cancel: use GET',
    });
  });

  test('undocumented parameters are reported in a header, and accepted', async () => {
    const answer = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678',
      message: 'x',
      webhookUrl: 'https://example.test',
      foo: 1,
    });
    expect(answer.json).toMatchObject({ success: true });
    expect(answer.headers.get('x-mock-unknown-params')).toBe('webhookUrl,foo');
  });
});

describe('CORS', () => {
  test.each(['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'https://localhost'])(
    'a loopback origin is allowed: %s',
    async (origin) => {
      const preflight = await fetch(`${server.url}/v1/send`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS');
      expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
      const answer = await fetch(`${server.url}/v1/message-cancel?apiKey=${FUNDED}&messageId=1`, {
        headers: { origin },
      });
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    },
  );

  test.each(['http://evil.example', 'http://localhost.evil.example', 'null'])(
    'another origin is not: %s',
    async (origin) => {
      const preflight = await fetch(`${server.url}/v1/send`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    },
  );

  test('a configured list replaces the loopback default', async () => {
    const mock = await startMockServer({ cors: ['https://app.example'] });
    try {
      const allowed = await fetch(`${mock.url}/v1/send`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
      const loopback = await fetch(`${mock.url}/v1/send`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
      });
      expect(loopback.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await mock.close();
    }
  });
});

describe('configuration', () => {
  const mocks: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
  });

  test('errorHttpStatus sets the status of every success:false answer, in one place', async () => {
    const mock = await startMockServer({
      config: { accounts: [{ apiKey: 'k', credits: 1 }], errorHttpStatus: 400 },
    });
    mocks.push(mock);
    expect((await get(mock.url, '/v1/message-cancel', { apiKey: 'k', messageId: 5 })).status).toBe(400);
    expect((await post(mock.url, '/v1/send', '{')).status).toBe(400);
    expect(
      (await post(mock.url, '/v1/send', { apiKey: 'k', phoneNumbers: '0612345678', message: 'x' })).status,
    ).toBe(200);
  });

  test('strictParams answers code 9 for an undocumented field', async () => {
    const mock = await startMockServer({
      config: { accounts: [{ apiKey: 'k', credits: 1 }], strictParams: true },
    });
    mocks.push(mock);
    const answer = await post(mock.url, '/v1/send', {
      apiKey: 'k',
      phoneNumbers: '0612345678',
      message: 'x',
      gamma: 1,
    });
    expect(answer.json).toEqual({
      success: false,
      code: 9,
      error: [{ elementId: 'children[gamma].data', message: 'This field is not documented' }],
    });
  });

  test('a config that repeats an apiKey is refused without printing it', async () => {
    await expect(
      startMockServer({
        config: {
          accounts: [
            { apiKey: 'secret-one', credits: 1 },
            { apiKey: 'secret-one', credits: 2 },
          ],
        },
      }),
    ).rejects.toThrow(/accounts\.1 repeats an apiKey/);
    await expect(
      startMockServer({
        config: {
          accounts: [
            { apiKey: 'secret-one', credits: 1 },
            { apiKey: 'secret-one', credits: 2 },
          ],
        },
      }),
    ).rejects.not.toThrow(/secret-one/);
  });
});

describe('secrets', () => {
  test('no answer, header or log line ever contains an apiKey', async () => {
    const keys = [FUNDED, 'test-empty-key', 'a-bad-key-4711'];
    const texts: string[] = [];
    const collect = async (answer: Promise<{ text: string; headers: Headers }>) => {
      const { text, headers } = await answer;
      texts.push(text, JSON.stringify([...headers]));
    };
    for (const apiKey of keys) {
      for (const format of ['json', 'xml']) {
        await collect(
          post(server.url, '/v1/send', { apiKey, phoneNumbers: '0612345678', message: 'x', _format: format }),
        );
        await collect(
          post(server.url, '/v1/send', { apiKey, phoneNumbers: '92', sender: 'x', _format: format }),
        );
        await collect(get(server.url, '/v1/message-cancel', { apiKey, messageId: 1000, _format: format }));
        await collect(get(server.url, '/v1/message-cancel', { apiKey, _format: format }));
        await collect(get(server.url, `/v1/nope`, { apiKey, _format: format }));
        await collect(post(server.url, '/v1/message-cancel', { apiKey }));
      }
      await collect(post(server.url, '/__mock/accounts', { apiKey, credits: 3 }));
      await collect(get(server.url, '/__mock/accounts', { apiKey }));
      await collect(get(server.url, '/__mock/messages', { apiKey }));
      await collect(get(server.url, '/__mock/clock', { apiKey }));
      await collect(post(server.url, '/__mock/clock', { apiKey, advanceBy: 1 }));
      await collect(post(server.url, '/__mock/reset', { apiKey }));
    }
    const everything = [...texts, ...server.logs].join('\n');
    expect(server.logs.length).toBeGreaterThan(30);
    for (const key of keys) expect(everything).not.toContain(key);
  });
});

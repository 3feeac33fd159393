import { inspect } from 'node:util';
import { startMockServer } from '@smspartner-kit/mock-server';
import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient, isSmsPartnerError, type SmsPartnerClientOptions } from '../../src/index.ts';
import { json, networkFailure, observedClient, type Reply, rejectionOf, replies, text } from './helpers.ts';

/** A key with characters that URL, form and JSON encoding each spell differently. */
const SECRET = 'sk+Live/Key&=é 42"x';
const SPELLINGS = [
  SECRET,
  encodeURIComponent(SECRET),
  new URLSearchParams({ k: SECRET }).toString().slice(2),
  JSON.stringify(SECRET).slice(1, -1),
  // Fragments long enough to be recognisable.
  'sk+Live',
  'sk%2BLive',
];

/** Every way an error is commonly shown or stored. */
function renderings(error: unknown): Record<string, string> {
  const asError = error as Error;
  return {
    message: asError.message,
    toString: String(error),
    stack: asError.stack ?? '',
    json: JSON.stringify(error),
    inspect: inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    cause: inspect(asError.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  };
}

function expectNoKey(error: unknown) {
  expect(isSmsPartnerError(error)).toBe(true);
  for (const [how, rendered] of Object.entries(renderings(error))) {
    for (const spelling of SPELLINGS) {
      expect(rendered.includes(spelling), `${how} contains ${JSON.stringify(spelling)}`).toBe(false);
    }
  }
}

const hang: Reply = (request) =>
  new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason));
  });

/** A proxy that echoes what it received: the worst case for a leak. */
const echo: Reply = async (request) =>
  new Response(JSON.stringify({ received: request.url, body: await request.text() }), {
    status: 502,
    headers: { 'content-type': 'application/json', 'x-echo-url': request.url },
  });

const options: SmsPartnerClientOptions = { apiKey: SECRET, retry: { limit: 1, delay: () => 0 } };
const cancel = { messageId: 300 };
const send = { phoneNumbers: '+33600000000', message: 'x' };

describe('the API key never leaks into an error', () => {
  test.each([
    [
      'API error on a GET (key in the query string)',
      json({ success: false, code: 10, message: 'Invalid API key' }, 401),
      'cancel',
    ],
    [
      'API error on a POST (key in the body)',
      json({ success: false, code: 10, message: 'Invalid API key' }, 401),
      'send',
    ],
    [
      'API error whose message echoes the key',
      json({ success: false, code: 10, message: `Invalid API key ${SECRET}` }),
      'cancel',
    ],
    ['network error on a GET', networkFailure(), 'cancel'],
    ['network error on a POST', networkFailure(), 'send'],
    ['timeout on a GET', hang, 'cancel'],
    ['a proxy echoing the request on a GET', echo, 'cancel'],
    ['a proxy echoing the request on a POST', echo, 'send'],
    [
      'an XML body echoing the key',
      text(`<result><entry>false</entry><entry>10</entry><entry>${SECRET}</entry></result>`),
      'cancel',
    ],
    ['an unparseable body echoing the encoded key', text(`oops ${encodeURIComponent(SECRET)}`), 'cancel'],
  ] as const)('%s', async (_label, reply, call) => {
    const { client } = observedClient(replies(reply), { ...options, timeout: 20 });
    const error = await rejectionOf(call === 'cancel' ? client.cancelSms(cancel) : client.sendSms(send));
    expectNoKey(error);
  });

  test('an unknown error thrown by a custom fetch is scrubbed too', async () => {
    const { client } = observedClient((request) => {
      throw new Error(`custom fetch failed for ${request.url}`);
    }, options);
    const error = await rejectionOf(client.cancelSms(cancel));
    expect((error as Error).message).toBe(
      'custom fetch failed for http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300',
    );
  });

  test('the config error of the browser rule does not name the key', () => {
    let thrown: unknown;
    try {
      createSmsPartnerClient({ apiKey: SECRET, detectBrowser: () => true });
    } catch (error) {
      thrown = error;
    }
    expectNoKey(thrown);
  });

  test('the redacted request is still useful evidence', async () => {
    const { client } = observedClient(
      replies(json({ success: false, code: 10, message: 'Invalid API key' }, 401)),
      options,
    );
    const error = await rejectionOf(client.sendSms(send));
    expect(error).toMatchObject({
      request: {
        method: 'POST',
        url: 'http://127.0.0.1:4010/v1/send',
        body: { apiKey: 'REDACTED', phoneNumbers: '+33600000000', message: 'x' },
      },
    });
  });

  test('snapshot of a serialised API error', async () => {
    const { client } = observedClient(
      replies(json({ success: false, code: 10, message: 'Invalid API key' }, 401)),
      options,
    );
    const error = await rejectionOf(client.cancelSms(cancel));
    expect(JSON.parse(JSON.stringify(error))).toMatchInlineSnapshot(`
      {
        "body": {
          "code": 10,
          "message": "Invalid API key",
          "success": false,
        },
        "code": 10,
        "endpoint": "cancelSms",
        "errors": [],
        "name": "SmsPartnerApiError",
        "request": {
          "method": "GET",
          "url": "http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300",
        },
        "response": {
          "headers": {
            "content-type": "application/json",
          },
          "status": 401,
        },
      }
    `);
    expect(String(error)).toMatchInlineSnapshot(
      `"SmsPartnerApiError: SMS Partner answered code 10 (Invalid API key) to GET http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300"`,
    );
  });

  test("one convention: the client's error and the mock's log line show the same redacted URL", async () => {
    const lines: string[] = [];
    const mock = await startMockServer({ port: 0, log: (line) => lines.push(line) });
    try {
      const client = createSmsPartnerClient({ baseUrl: mock.url, apiKey: SECRET, retry: 0 });
      const error = (await rejectionOf(client.cancelSms(cancel))) as { request: { url: string } };
      const { pathname, search } = new URL(error.request.url);
      expect(`${pathname}${search}`).toBe('/v1/message-cancel?apiKey=REDACTED&messageId=300');
      expect(lines).toEqual([`GET ${pathname}${search} -> 200 code=10`]);
      expectNoKey(error);
    } finally {
      await mock.close();
    }
  });
});

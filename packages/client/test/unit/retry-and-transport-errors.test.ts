import { describe, expect, test } from 'vitest';
import {
  isSmsPartnerNetworkError,
  isSmsPartnerTimeoutError,
  SmsPartnerApiError,
  SmsPartnerNetworkError,
  SmsPartnerResponseError,
  SmsPartnerTimeoutError,
} from '../../src/index.ts';
import { json, networkFailure, observedClient, rejectionOf, replies, text } from './helpers.ts';

const cancelOk = { success: true, code: 200, message: 'The SMS sending has been canceled.' };
const sendOk = { success: true, code: 200, message_id: 307, nb_sms: 1, cost: 0.038, currency: 'EUR' };
const sendInput = { phoneNumbers: '+33600000000', message: 'x' };

describe('retry policy', () => {
  describe('GET (cancelSms)', () => {
    test.each([
      ['a network error', networkFailure()],
      ['HTTP 429', text('Too Many Requests', 429)],
      ['HTTP 500', text('Internal Server Error', 500)],
      ['HTTP 503', json({ success: false, code: 500, message: 'busy' }, 503)],
      ['HTTP 504', text('Gateway Timeout', 504)],
    ])('is retried after %s, then succeeds', async (_label, first) => {
      const { client, requests } = observedClient(replies(first, json(cancelOk)));
      await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelOk);
      expect(requests.map((request) => request.url)).toEqual([
        'http://127.0.0.1:4010/v1/message-cancel?apiKey=test-funded-key&messageId=300',
        'http://127.0.0.1:4010/v1/message-cancel?apiKey=test-funded-key&messageId=300',
      ]);
    });

    test.each([
      [400, { success: false, code: 3, message: 'Message ID is required' }, SmsPartnerApiError],
      [404, { success: false, code: 4, message: 'Message not found' }, SmsPartnerApiError],
      [401, { success: false, code: 10, message: 'Invalid API key' }, SmsPartnerApiError],
      [404, 'Not Found', SmsPartnerResponseError],
    ])('is not retried on HTTP %i', async (status, body, errorClass) => {
      const reply = typeof body === 'string' ? text(body, status) : json(body, status);
      const { client, requests } = observedClient(replies(reply, json(cancelOk)));
      await expect(client.cancelSms({ messageId: 300 })).rejects.toBeInstanceOf(errorClass);
      expect(requests).toHaveLength(1);
    });

    test('makes 1 + limit attempts, then the last answer decides', async () => {
      const { client, requests } = observedClient(replies(text('busy', 503)), {
        retry: { limit: 2, delay: () => 0 },
      });
      const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
      expect(error).toMatchObject({
        name: 'SmsPartnerResponseError',
        response: { status: 503 },
        rawText: 'busy',
      });
      expect(requests).toHaveLength(3);
    });

    test('an error envelope that comes with a 503 after the retries is an API error', async () => {
      const body = { success: false, code: 11, message: 'Not enough credits' };
      const { client, requests } = observedClient(replies(json(body, 503)), {
        retry: { limit: 1, delay: () => 0 },
      });
      const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
      expect(error).toMatchObject({ name: 'SmsPartnerApiError', code: 11, response: { status: 503 } });
      expect(requests).toHaveLength(2);
    });

    test('gives up network errors after the limit with SmsPartnerNetworkError', async () => {
      const { client, requests } = observedClient(replies(networkFailure()));
      const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
      expect(error).toBeInstanceOf(SmsPartnerNetworkError);
      expect(isSmsPartnerNetworkError(error)).toBe(true);
      expect(error).toMatchObject({
        message: 'Network error on GET http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300',
        endpoint: 'cancelSms',
        cause: { name: 'NetworkError' },
      });
      expect(requests).toHaveLength(3);
    });

    test('retry: 0 turns retries off', async () => {
      const { client, requests } = observedClient(replies(networkFailure(), json(cancelOk)), { retry: 0 });
      await expect(client.cancelSms({ messageId: 300 })).rejects.toBeInstanceOf(SmsPartnerNetworkError);
      expect(requests).toHaveLength(1);
    });

    test('waits the configured exponential delays', async () => {
      const waits: number[] = [];
      const delay = (attemptCount: number) => {
        waits.push(attemptCount);
        return 0;
      };
      const { client } = observedClient(replies(networkFailure(), text('x', 500), json(cancelOk)), {
        retry: { limit: 2, delay },
      });
      await client.cancelSms({ messageId: 300 });
      expect(waits).toEqual([1, 2]);
    });

    test('Retry-After on 429 wins over the backoff delay', async () => {
      const tooMany = new Response('slow down', { status: 429, headers: { 'retry-after': '0' } });
      // With the backoff delay (60 s, capped at the default 10 s) this test would time out.
      const { client, requests } = observedClient(replies(tooMany, json(cancelOk)), {
        retry: { limit: 1, delay: () => 60_000 },
      });
      await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelOk);
      expect(requests).toHaveLength(2);
    });

    test('Retry-After is capped by maxDelay', async () => {
      const unavailable = new Response('later', { status: 503, headers: { 'retry-after': '3600' } });
      const { client, requests } = observedClient(replies(unavailable, json(cancelOk)), {
        retry: { limit: 1, delay: () => 0, maxDelay: 0 },
      });
      await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelOk);
      expect(requests).toHaveLength(2);
    });
  });

  describe('POST (sendSms)', () => {
    test.each([
      ['HTTP 503', text('Service Unavailable', 503), SmsPartnerResponseError],
      ['HTTP 429', text('Too Many Requests', 429), SmsPartnerResponseError],
      [
        'HTTP 500 with an error envelope',
        json({ success: false, code: 500, message: 'Queue problem' }, 500),
        SmsPartnerApiError,
      ],
      ['a network error', networkFailure(), SmsPartnerNetworkError],
    ])('is never retried after %s', async (_label, first, errorClass) => {
      const { client, requests } = observedClient(replies(first, json(sendOk)), {
        retry: { limit: 5, delay: () => 0 },
      });
      await expect(client.sendSms(sendInput)).rejects.toBeInstanceOf(errorClass);
      expect(requests).toHaveLength(1);
    });
  });
});

describe('your ky hooks', () => {
  test('run on GETs and POSTs alike, before the retry on status, which only GETs get', async () => {
    const seen: string[] = [];
    const { client, requests } = observedClient(
      (request, attempt) =>
        request.method === 'GET'
          ? attempt === 0
            ? text('busy', 503)
            : json(cancelOk)
          : text('Service Unavailable', 503),
      {
        hooks: {
          beforeRequest: [({ request }) => void seen.push(`before ${request.method}`)],
          afterResponse: [
            ({ request, response }) => void seen.push(`after ${request.method} ${response.status}`),
          ],
          beforeRetry: [({ retryCount }) => void seen.push(`retry ${retryCount}`)],
        },
      },
    );
    await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelOk);
    await expect(client.sendSms(sendInput)).rejects.toBeInstanceOf(SmsPartnerResponseError);
    expect(seen).toEqual([
      'before GET',
      'after GET 503',
      'retry 1',
      'after GET 200',
      'before POST',
      'after POST 503',
    ]);
    expect(requests.map(({ method }) => method)).toEqual(['GET', 'GET', 'POST']);
  });
});

describe('timeout', () => {
  /** A fetch that never answers, but stops when ky aborts it. */
  const hang = (request: Request) =>
    new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason));
    });

  test("rejects with SmsPartnerTimeoutError, wrapping ky's TimeoutError", async () => {
    const { client, requests } = observedClient(hang, { timeout: 20 });
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toBeInstanceOf(SmsPartnerTimeoutError);
    expect(isSmsPartnerTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'SmsPartnerTimeoutError',
      message:
        'No answer within 20 ms to GET http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300',
      timeout: 20,
      endpoint: 'cancelSms',
      cause: { name: 'TimeoutError' },
    });
    expect(requests).toHaveLength(1);
  });

  test('a send that times out is not retried', async () => {
    const { client, requests } = observedClient(hang, { timeout: 20 });
    await expect(client.sendSms(sendInput)).rejects.toBeInstanceOf(SmsPartnerTimeoutError);
    expect(requests).toHaveLength(1);
  });

  test('is distinct from a network error', () => {
    expect(SmsPartnerTimeoutError.prototype).not.toBeInstanceOf(SmsPartnerNetworkError);
    expect(SmsPartnerNetworkError.prototype).not.toBeInstanceOf(SmsPartnerTimeoutError);
  });
});

describe('unexpected answers', () => {
  test.each([
    ['an empty body', text('', 200), 'unparseable', undefined],
    ['truncated JSON', text('{"success": tr', 200, 'application/json'), 'unparseable', undefined],
    ['an HTML page', text('<!doctype html><title>oops</title>', 200, 'text/html'), 'unparseable', undefined],
    ['a JSON array', json([1, 2]), 'unexpected-shape', [1, 2]],
    [
      'an envelope without a code',
      json({ success: false, message: 'x' }),
      'unexpected-shape',
      { success: false, message: 'x' },
    ],
    [
      'success without code 200',
      json({ success: true, code: 2, message: 'ok' }),
      'unexpected-shape',
      { success: true, code: 2, message: 'ok' },
    ],
  ])('%s is a SmsPartnerResponseError (%s)', async (_label, reply, problem, body) => {
    const { client } = observedClient(replies(reply));
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toBeInstanceOf(SmsPartnerResponseError);
    expect(error).not.toBeInstanceOf(SmsPartnerApiError);
    expect(error).toMatchObject({ problem, body, response: { status: 200 }, endpoint: 'cancelSms' });
  });

  test('keeps at most 1000 characters of the raw body', async () => {
    const { client } = observedClient(replies(text('x'.repeat(5000), 200)));
    const error = (await rejectionOf(client.cancelSms({ messageId: 300 }))) as SmsPartnerResponseError;
    expect(error.rawText).toBe('x'.repeat(1000));
  });

  test('names status and reason in the message', async () => {
    const { client } = observedClient(replies(text('nope', 200)));
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect((error as Error).message).toBe(
      'Unexpected answer (HTTP 200, body is neither JSON nor SMS Partner XML) to GET ' +
        'http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300',
    );
  });
});

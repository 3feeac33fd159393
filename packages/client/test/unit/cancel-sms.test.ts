import { CANCEL_SUCCESS_MESSAGE, cancelSmsCodes, cancelSmsRoute } from '@smspartner-kit/schema';
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  type CancelSmsCode,
  type CancelSmsResponse,
  isSmsPartnerApiError,
  SmsPartnerApiError,
  SmsPartnerResponseError,
} from '../../src/index.ts';
import { json, observedClient, observedTransport, rejectionOf, replies, text } from './helpers.ts';

const success = { success: true, code: 200, message: CANCEL_SUCCESS_MESSAGE };

describe('cancelSms', () => {
  describe('request', () => {
    test('sends GET /v1/message-cancel with apiKey and messageId in the query string', async () => {
      const { client, requests } = observedClient(replies(json(success)));
      await client.cancelSms({ messageId: 300 });
      expect(requests).toEqual([
        {
          method: 'GET',
          url: 'http://127.0.0.1:4010/v1/message-cancel?apiKey=test-funded-key&messageId=300',
          query: { apiKey: 'test-funded-key', messageId: '300' },
          headers: { accept: 'application/json' },
          json: undefined,
        },
      ]);
    });

    test('accepts a messageId given as a string', async () => {
      const { client, requests } = observedClient(replies(json(success)));
      await client.cancelSms({ messageId: '2270142' });
      expect(requests[0]?.query).toEqual({ apiKey: 'test-funded-key', messageId: '2270142' });
    });

    test('keeps the path prefix of a proxy baseUrl and sends no apiKey in proxy mode', async () => {
      const { client, requests } = observedClient(replies(json(success)), {
        baseUrl: 'https://example.com/sms-proxy/',
        apiKey: undefined,
      });
      await client.cancelSms({ messageId: 300 });
      expect(requests[0]?.url).toBe('https://example.com/sms-proxy/v1/message-cancel?messageId=300');
    });

    test('goes to https://api.smspartner.fr by default', async () => {
      const { client, requests } = observedClient(replies(json(success)), { baseUrl: undefined });
      await client.cancelSms({ messageId: 300 });
      expect(requests[0]?.url).toBe(
        'https://api.smspartner.fr/v1/message-cancel?apiKey=test-funded-key&messageId=300',
      );
    });

    test("the transport called with the endpoint's route sends the same request as the client method", async () => {
      const { transport, requests } = observedTransport(replies(json(success)));
      await expect(transport.call(cancelSmsRoute, { messageId: 300 })).resolves.toEqual(success);
      expect(requests.map((request) => request.url)).toEqual([
        'http://127.0.0.1:4010/v1/message-cancel?apiKey=test-funded-key&messageId=300',
      ]);
    });
  });

  describe('success', () => {
    test('resolves with the parsed body, extra fields dropped', async () => {
      const { client } = observedClient(replies(json({ ...success, credits: 12 })));
      const result = await client.cancelSms({ messageId: 300 });
      expect(result).toEqual(success);
      expectTypeOf(result).toEqualTypeOf<CancelSmsResponse>();
    });

    test.each([200, 201, 400, 500])('a success body under HTTP %i still resolves', async (status) => {
      const { client } = observedClient(replies(json(success, status)), { retry: 0 });
      await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(success);
    });

    test('accepts the French success message', async () => {
      const french = { success: true, code: 200, message: "L'envoi du SMS a été annulé." };
      const { client } = observedClient(replies(json(french)));
      await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(french);
    });
  });

  describe('control codes', () => {
    const cases = Object.entries(cancelSmsCodes).flatMap(([code, entry]) =>
      [200, 400].map((status) => ({ code: Number(code) as CancelSmsCode, message: entry.message, status })),
    );

    test('the table covers every code of the catalogue', () => {
      expect([...new Set(cases.map((item) => item.code))]).toEqual([1, 3, 4, 5, 6, 7, 10, 11]);
    });

    test.each(cases)(
      'code $code under HTTP $status rejects with SmsPartnerApiError',
      async ({ code, message, status }) => {
        const body = { success: false, code, message };
        const { client } = observedClient(replies(json(body, status)));
        const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
        expect(error).toBeInstanceOf(SmsPartnerApiError);
        expect(error).toMatchObject({
          name: 'SmsPartnerApiError',
          code,
          errors: [],
          body,
          endpoint: 'cancelSms',
          request: {
            method: 'GET',
            url: 'http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300',
            body: undefined,
          },
          response: { status, headers: { 'content-type': 'application/json' } },
        });
        expect((error as Error).message).toBe(
          `SMS Partner answered code ${code} (${message}) to GET http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300`,
        );
        expect(isSmsPartnerApiError(error, 'cancelSms')).toBe(true);
        expect(isSmsPartnerApiError(error, 'sendSms')).toBe(false);
      },
    );

    test('an error body without a message names the catalogue message', async () => {
      const { client } = observedClient(replies(json({ success: false, code: 4 }, 404)));
      const error = await rejectionOf(client.cancelSms({ messageId: 1 }));
      expect((error as Error).message).toBe(
        'SMS Partner answered code 4 (Message not found) to GET http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=1',
      );
    });

    test('a code outside the catalogue is a SmsPartnerResponseError, not an API error', async () => {
      const body = { success: false, code: 96, message: 'IP address not authorised' };
      const { client } = observedClient(replies(json(body, 403)));
      const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
      expect(error).toBeInstanceOf(SmsPartnerResponseError);
      expect(error).not.toBeInstanceOf(SmsPartnerApiError);
      expect(error).toMatchObject({ problem: 'unknown-code', body, response: { status: 403 } });
    });

    test('a garbage body is a SmsPartnerResponseError with the raw text and status', async () => {
      const { client } = observedClient(replies(text('<h1>Bad Gateway</h1>', 502, 'text/html')), {
        retry: 0,
      });
      const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
      expect(error).toBeInstanceOf(SmsPartnerResponseError);
      expect(error).toMatchObject({
        problem: 'unparseable',
        rawText: '<h1>Bad Gateway</h1>',
        body: undefined,
        issues: [],
        response: { status: 502 },
      });
    });
  });
});

import { cancelSmsRoute, getCreditsRoute } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { json, observedTransport, rejectionOf, replies, text } from './helpers.ts';

const cancelOk = { success: true, code: 200, message: 'The SMS sending has been canceled.' };

describe('the transport: one ky instance for every method', () => {
  test('a GET sends its parameters in the query string, after the key and before `_format`', async () => {
    const { transport, requests } = observedTransport(replies(json(cancelOk)));
    await transport.call(cancelSmsRoute, { messageId: '300' });
    expect(requests.map(({ method, url, json }) => ({ method, url, json }))).toEqual([
      {
        method: 'GET',
        url: 'http://127.0.0.1:4010/v1/message-cancel?apiKey=test-funded-key&messageId=300',
        json: undefined,
      },
    ]);
  });

  test('a GET without parameters in proxy mode has no query string at all', async () => {
    const { transport, requests } = observedTransport(replies(json({ success: false, code: 1 })), {
      apiKey: undefined,
    });
    await rejectionOf(transport.call(getCreditsRoute, {}));
    expect(requests[0]?.url).toBe('http://127.0.0.1:4010/v1/me');
  });

  test('any other method sends its parameters as a JSON body, with that method', async () => {
    // The API has DELETEs with a JSON body (sub-accounts); no registry entry uses one yet.
    const deleteRoute = { ...cancelSmsRoute, method: 'DELETE' } as unknown as typeof cancelSmsRoute;
    const { transport, requests } = observedTransport(replies(json(cancelOk)));
    await expect(transport.call(deleteRoute, { messageId: 300 })).resolves.toEqual(cancelOk);
    expect(requests).toEqual([
      {
        method: 'DELETE',
        url: 'http://127.0.0.1:4010/v1/message-cancel',
        query: {},
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        json: { apiKey: 'test-funded-key', messageId: 300 },
      },
    ]);
  });

  test('a DELETE is not retried, as no method but GET is', async () => {
    const deleteRoute = { ...cancelSmsRoute, method: 'DELETE' } as unknown as typeof cancelSmsRoute;
    const { transport, requests } = observedTransport(replies(text('busy', 503), json(cancelOk)));
    const error = await rejectionOf(transport.call(deleteRoute, { messageId: 300 }));
    expect(error).toMatchObject({
      name: 'SmsPartnerResponseError',
      request: { method: 'DELETE', body: { apiKey: 'REDACTED', messageId: 300 } },
      response: { status: 503 },
    });
    expect(requests).toHaveLength(1);
  });

  test("your beforeRetry hooks get ky's HTTPError, its `data` the body as text", async () => {
    const seen: unknown[] = [];
    const busy = { success: false, code: 500, message: 'busy' };
    const { transport } = observedTransport(replies(json(busy, 503), json(cancelOk)), {
      hooks: { beforeRetry: [({ error }) => void seen.push((error as Error & { data?: unknown }).data)] },
    });
    await expect(transport.call(cancelSmsRoute, { messageId: 300 })).resolves.toEqual(cancelOk);
    expect(seen).toEqual([JSON.stringify(busy)]);
  });

  test('your beforeError hooks run for a non-2xx answer, which the client still reads', async () => {
    const seen: number[] = [];
    const notFound = { success: false, code: 4, message: 'Message not found' };
    const { transport } = observedTransport(replies(json(notFound, 404)), {
      hooks: {
        beforeError: [
          ({ error }) => {
            seen.push((error as Error & { response: Response }).response.status);
            return error;
          },
        ],
      },
    });
    const error = await rejectionOf(transport.call(cancelSmsRoute, { messageId: 300 }));
    expect(error).toMatchObject({ name: 'SmsPartnerApiError', code: 4, response: { status: 404 } });
    expect(seen).toEqual([404]);
  });
});

import { describe, expect, test } from 'vitest';
import { SmsPartnerApiError } from '../../src/index.ts';
import { json, networkFailure, observedClient, rejectionOf, replies, text } from './helpers.ts';

// GETs are retried on 429/5xx by ky itself, which throws for those statuses and
// reads the body of the last one into its HTTPError: the client still reads
// that last answer as it reads any other.

const cancelOk = { success: true, code: 200, message: 'The SMS sending has been canceled.' };
const once = { retry: { limit: 1, delay: () => 0 } };

describe('the last answer of a GET retried on its status', () => {
  test('a success body that comes with a 5xx resolves, as for any status', async () => {
    const { client, requests } = observedClient(replies(json(cancelOk, 500)), once);
    await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelOk);
    expect(requests).toHaveLength(2);
  });

  test('a JSON body keeps its raw text byte for byte', async () => {
    const body = '{ "success" : false,\n  "oops": 1.0 }';
    const { client } = observedClient(replies(text(body, 502, 'application/json')), once);
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toMatchObject({
      name: 'SmsPartnerResponseError',
      problem: 'unexpected-shape',
      rawText: body,
      body: { success: false, oops: 1 },
      response: { status: 502, headers: { 'content-type': 'application/json' } },
    });
  });

  test('truncated JSON is unparseable, with its raw text', async () => {
    const { client } = observedClient(replies(text('{"success": fal', 503, 'application/json')), once);
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toMatchObject({
      name: 'SmsPartnerResponseError',
      problem: 'unparseable',
      rawText: '{"success": fal',
      response: { status: 503 },
    });
  });

  test.each([
    ['an empty body', text('', 504)],
    ['no body at all', new Response(null, { status: 504 })],
  ])('%s is an unparseable empty body', async (_label, reply) => {
    const { client, requests } = observedClient(replies(reply), once);
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toMatchObject({
      name: 'SmsPartnerResponseError',
      problem: 'unparseable',
      rawText: '',
      response: { status: 504 },
    });
    expect((error as Error).message).toContain('(HTTP 504, empty body)');
    expect(requests).toHaveLength(2);
  });

  test('network errors and statuses share the limit', async () => {
    const body = { success: false, code: 4, message: 'Message not found' };
    const { client, requests } = observedClient(
      replies(networkFailure(), text('busy', 503), json(body, 503)),
      {
        retry: { limit: 2, delay: () => 0 },
      },
    );
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toBeInstanceOf(SmsPartnerApiError);
    expect(error).toMatchObject({ code: 4, response: { status: 503 } });
    expect(requests).toHaveLength(3);
  });

  test('Retry-After as an HTTP date in the past means no wait', async () => {
    const tooMany = new Response('slow down', {
      status: 429,
      headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' },
    });
    // With the backoff delay (60 s, capped at the default 10 s) this test would time out.
    const { client, requests } = observedClient(replies(tooMany, json(cancelOk)), {
      retry: { limit: 1, delay: () => 60_000 },
    });
    await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelOk);
    expect(requests).toHaveLength(2);
  });

  test('your afterResponse hooks can still read the body as JSON', async () => {
    const seen: unknown[] = [];
    const { client } = observedClient(
      replies(json({ success: false, code: 500, message: 'busy' }, 503), json(cancelOk)),
      {
        hooks: { afterResponse: [async ({ response }) => void seen.push(await response.json())] },
      },
    );
    await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelOk);
    expect(seen).toEqual([{ success: false, code: 500, message: 'busy' }, cancelOk]);
  });
});

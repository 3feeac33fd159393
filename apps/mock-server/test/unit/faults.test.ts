import { cancelSmsCodes, decodeXml, sendSmsCodes } from '@smspartner-kit/schema';
import { afterEach, describe, expect, test } from 'vitest';
import { defaultConfigInput, parseConfig, Store, startMockServer } from '../../src/index.ts';
import { EMPTY, FUNDED, get, post, useMock } from '../helpers.ts';

const server = useMock();
const fault = (body: Record<string, unknown>) => post(server.url, '/__mock/faults', body);
const send = (apiKey = FUNDED) =>
  post(server.url, '/v1/send', { apiKey, phoneNumbers: '0612345678', message: 'Bonjour' });
const faults = async (apiKey?: string) =>
  ((await get(server.url, '/__mock/faults', { apiKey })).json as { faults: Record<string, unknown>[] })
    .faults;
const clear = (body: unknown) =>
  fetch(new URL('/__mock/faults', server.url), {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((response) => response.json());

describe('POST /__mock/faults: a documented code, in the endpoint voice', () => {
  test('the chosen code with its catalogue message, in JSON and in XML; nothing is processed', async () => {
    expect(await fault({ apiKey: FUNDED, endpoint: 'sendSms', code: 11, times: 2 })).toMatchObject({
      status: 201,
      json: { id: 1, account: 'funded', endpoint: 'sendSms', code: 11, times: 2, fired: 0, probability: 1 },
    });
    expect((await send()).json).toEqual({ success: false, code: 11, message: sendSmsCodes[11].message });
    const xml = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678',
      message: 'Bonjour',
      _format: 'xml',
    });
    expect(xml.contentType).toContain('application/xml');
    expect(decodeXml(xml.text)).toEqual([false, 11, sendSmsCodes[11].message]);
    expect(server.store.listMessages(FUNDED)).toEqual([]);
    expect(server.store.account(FUNDED)?.credits).toBe(1000);
    expect((await send()).json).toMatchObject({ success: true });
  });

  test('cancel answers its own codes (6 here), and refuses a fault with a code it does not document', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'cancelSms', code: 6 });
    expect((await get(server.url, '/v1/message-cancel', { apiKey: FUNDED, messageId: 1 })).json).toEqual({
      success: false,
      code: 6,
      message: cancelSmsCodes[6].message,
    });
    const refused = await fault({ apiKey: FUNDED, endpoint: 'cancelSms', code: 500 });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      error: "code must be one of cancelSms's documented codes: 1, 3, 4, 5, 6, 7, 10, 11",
    });
    // Without an action, the default is code 500: cancel documents none, so it must be asked otherwise.
    expect((await fault({ apiKey: FUNDED, endpoint: 'cancelSms' })).json).toEqual({
      error:
        'cancelSms documents no code 500: send code (one of 1, 3, 4, 5, 6, 7, 10, 11), httpStatus, latencyMs or drop',
    });
  });

  test('a fault is taken after the key and the account gates: a missing key still answers 1', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', code: 13 });
    expect(
      (await post(server.url, '/v1/send', { phoneNumbers: '0612345678', message: 'x' })).json,
    ).toMatchObject({
      code: 1,
    });
    expect((await send()).json).toMatchObject({ code: 13 });
  });
});

describe('POST /__mock/faults: transport faults', () => {
  test('429 is a bare status with Retry-After: 1, an empty body, and the send did not happen', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', httpStatus: 429 });
    const answer = await send();
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(answer.text).toBe('');
    expect(server.store.listMessages(FUNDED)).toEqual([]);
    expect((await send()).status).toBe(200);
  });

  test('503 with its own Retry-After; a 500 without one', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'getCredits', httpStatus: 503, retryAfterSeconds: 7 });
    const unavailable = await get(server.url, '/v1/me', { apiKey: FUNDED });
    expect([unavailable.status, unavailable.headers.get('retry-after')]).toEqual([503, '7']);
    await fault({ apiKey: FUNDED, endpoint: 'getCredits', httpStatus: 500 });
    const broken = await get(server.url, '/v1/me', { apiKey: FUNDED });
    expect([broken.status, broken.headers.get('retry-after')]).toEqual([500, null]);
  });

  test('latency holds the real answer back; the journal times it', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'getCredits', latencyMs: 300 });
    const started = performance.now();
    const answer = await get(server.url, '/v1/me', { apiKey: FUNDED });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.json).toMatchObject({ success: true, credits: { creditSms: 1000 } });
    const journal = (await get(server.url, '/__mock/requests', { limit: 1 })).json as {
      requests: { durationMs: number }[];
    };
    expect(journal.requests[0]?.durationMs).toBeGreaterThanOrEqual(290);
  });

  test('latency with a code delays the fault answer', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', code: 500, latencyMs: 200 });
    const started = performance.now();
    expect((await send()).json).toMatchObject({ code: 500 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  test('a dropped connection: the request fails without an answer, the journal shows status 0', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', drop: true });
    await expect(send()).rejects.toThrow(/fetch failed/);
    expect(server.store.listMessages(FUNDED)).toEqual([]);
    const journal = (await get(server.url, '/__mock/requests', { endpoint: 'sendSms', limit: 1 })).json as {
      requests: Record<string, unknown>[];
    };
    expect(journal.requests[0]).toMatchObject({ status: 0, endpoint: 'sendSms', account: 'funded' });
    expect(journal.requests[0]).not.toHaveProperty('code');
    expect((await send()).json).toMatchObject({ success: true });
  });

  test('"*" reaches every endpoint of the account, and only that account', async () => {
    await fault({ apiKey: FUNDED, endpoint: '*', httpStatus: 503, times: 'always' });
    expect((await get(server.url, '/v1/me', { apiKey: FUNDED })).status).toBe(503);
    expect((await send()).status).toBe(503);
    expect((await get(server.url, '/v1/me', { apiKey: EMPTY })).status).toBe(200);
    expect(await faults(FUNDED)).toEqual([
      expect.objectContaining({ endpoint: '*', times: 'always', fired: 2 }),
    ]);
  });
});

describe('how often: times, probability, reset, listing and clearing', () => {
  test('times counts the requests that fail; "always" lasts until DELETE', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', times: 'always' });
    for (let i = 0; i < 3; i++) expect((await send()).json).toMatchObject({ code: 500 });
    expect(await clear({ apiKey: FUNDED, endpoint: 'sendSms' })).toEqual({ cleared: 1 });
    expect((await send()).json).toMatchObject({ success: true });
  });

  test('faults queue up in order; reset: true replaces the endpoint ones', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', code: 11 });
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', code: 13 });
    expect((await faults(FUNDED)).map((listed) => listed.code)).toEqual([11, 13]);
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', code: 14, reset: true });
    expect((await faults(FUNDED)).map((listed) => listed.code)).toEqual([14]);
    expect((await send()).json).toMatchObject({ code: 14 });
    expect(await faults(FUNDED)).toEqual([]);
  });

  test('the first form still works: {"times": 0} clears an endpoint', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', times: 5 });
    expect((await fault({ apiKey: FUNDED, endpoint: 'sendSms', times: 0 })).json).toEqual({
      endpoint: 'sendSms',
      times: 0,
      cleared: 1,
    });
    expect((await send()).json).toMatchObject({ success: true });
  });

  test('GET without apiKey lists every account fault by label, never by key; DELETE {} clears all', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms' });
    await fault({ apiKey: EMPTY, endpoint: 'getCredits', latencyMs: 10 });
    const listed = await faults();
    expect(listed.map((entry) => entry.account)).toEqual(['funded', 'no credits']);
    expect(JSON.stringify(listed)).not.toContain(FUNDED);
    expect(await clear({ apiKey: EMPTY, id: 1 })).toEqual({ cleared: 1 });
    expect(await clear({})).toEqual({ cleared: 1 });
    expect(await faults()).toEqual([]);
  });

  test('a reset drops the faults with the rest of the state', async () => {
    await fault({ apiKey: FUNDED, endpoint: 'sendSms', times: 'always' });
    await post(server.url, '/__mock/reset', { apiKey: FUNDED });
    expect((await send()).json).toMatchObject({ success: true });
  });

  test.each([
    ['an unknown field', { endpoint: 'sendSms', tims: 2 }, /unknown fields: tims/],
    ['an unknown endpoint', { endpoint: 'sendSMS' }, /endpoint must be one of/],
    ['two actions', { endpoint: 'sendSms', code: 500, httpStatus: 503 }, /not several/],
    ['a success status', { endpoint: 'sendSms', httpStatus: 200 }, /400 to 599/],
    ['probability 0', { endpoint: 'sendSms', probability: 0 }, /above 0/],
    ['probability above 1', { endpoint: 'sendSms', probability: 1.5 }, /above 0/],
    ['a latency over a minute', { endpoint: 'sendSms', latencyMs: 60_001 }, /0 to 60000/],
    ['negative times', { endpoint: 'sendSms', times: -1 }, /times must be/],
    ['Retry-After without a status', { endpoint: 'sendSms', retryAfterSeconds: 3 }, /goes with httpStatus/],
    ['a code on every endpoint', { endpoint: '*', code: 500 }, /codes differ per endpoint/],
  ])('400 on %s, and nothing is armed', async (_label, body, error) => {
    const answer = await fault({ apiKey: FUNDED, ...body });
    expect(answer.status).toBe(400);
    expect((answer.json as { error: string }).error).toMatch(error);
    expect(await faults()).toEqual([]);
  });

  test('404 for an unknown account', async () => {
    expect((await fault({ apiKey: 'ghost-key', endpoint: 'sendSms' })).status).toBe(404);
    expect((await get(server.url, '/__mock/faults', { apiKey: 'ghost-key' })).status).toBe(404);
  });
});

describe('probability, drawn from the store random source', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
  });

  test('a fault with probability 0.5 fires on the draws below it, and times counts the firings', async () => {
    const draws = [0.2, 0.9, 0.7, 0.4, 0.1];
    const config = parseConfig(defaultConfigInput);
    const store = new Store(config.accounts, undefined, undefined, { random: () => draws.shift() ?? 0.99 });
    const mock = await startMockServer({ store, config });
    close = mock.close;
    await post(mock.url, '/__mock/faults', {
      apiKey: FUNDED,
      endpoint: 'getCredits',
      httpStatus: 503,
      probability: 0.5,
      times: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(mock.url, '/v1/me', { apiKey: FUNDED })).status);
    // Draws 0.2 and 0.4 are below 0.5: the first and fourth requests fail, then the fault is spent.
    expect(statuses).toEqual([503, 200, 200, 503, 200]);
  });
});

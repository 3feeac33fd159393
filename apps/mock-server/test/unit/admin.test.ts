import { describe, expect, test } from 'vitest';
import { FUNDED, get, post, T0, useMock } from '../helpers.ts';

const server = useMock();

describe('admin API: clock', () => {
  test('GET answers the time and whether it is frozen', async () => {
    expect((await get(server.url, '/__mock/clock')).json).toEqual({
      now: '2030-01-15T08:00:00.000Z',
      frozen: true,
    });
  });

  test('POST {now} sets and freezes; {advanceBy} moves', async () => {
    expect((await post(server.url, '/__mock/clock', { now: '2031-06-01T12:00:00+02:00' })).json).toEqual({
      now: '2031-06-01T10:00:00.000Z',
      frozen: true,
    });
    expect((await post(server.url, '/__mock/clock', { advanceBy: 90_000 })).json).toEqual({
      now: '2031-06-01T10:01:30.000Z',
      frozen: true,
    });
    expect((await post(server.url, '/__mock/clock', { advanceBy: -30_000 })).json).toEqual({
      now: '2031-06-01T10:01:00.000Z',
      frozen: true,
    });
  });

  test('POST {now, frozen: false} lets the clock run from there', async () => {
    const answer = await post(server.url, '/__mock/clock', { now: '2031-06-01T10:00:00Z', frozen: false });
    expect(answer.json).toMatchObject({ frozen: false });
    const later = Date.parse(((await get(server.url, '/__mock/clock')).json as { now: string }).now);
    expect(later).toBeGreaterThanOrEqual(Date.parse('2031-06-01T10:00:00Z'));
    expect(later).toBeLessThan(Date.parse('2031-06-01T10:01:00Z'));
  });

  test.each([
    ['no operation', {}],
    ['both now and advanceBy', { now: '2031-06-01T10:00:00Z', advanceBy: 1 }],
    ['a date that is not ISO-8601', { now: 'tomorrow' }],
    ['a date-only string', { now: '2031-06-01' }],
    ['a non-numeric advanceBy', { advanceBy: '60000' }],
    ['an advanceBy that overflows to Infinity', '{"advanceBy": 1e999}'],
    ['a non-boolean frozen', { frozen: 'yes' }],
    ['an empty apiKey', { apiKey: '', advanceBy: 1 }],
  ])('400 on %s, and the clock is unchanged', async (_label, body) => {
    const answer = await post(server.url, '/__mock/clock', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: expect.any(String) });
    expect(server.store.clock.now()).toBe(T0);
  });

  test('404 for the clock of an unknown account', async () => {
    expect((await post(server.url, '/__mock/clock', { apiKey: 'ghost', advanceBy: 1 })).status).toBe(404);
  });

  test('malformed JSON is a 400, not a crash', async () => {
    const answer = await post(server.url, '/__mock/clock', '{"now":');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: 'Malformed JSON' });
  });
});

describe('admin API: accounts, messages, reset', () => {
  test('POST /__mock/accounts adds an account (201) then sets its credits (200), keeping its messages', async () => {
    expect(await post(server.url, '/__mock/accounts', { apiKey: 'new-key', credits: 5 })).toMatchObject({
      status: 201,
      json: { created: true, credits: 5 },
    });
    await post(server.url, '/v1/send', { apiKey: 'new-key', phoneNumbers: '0612345678', message: 'hi' });
    expect(await post(server.url, '/__mock/accounts', { apiKey: 'new-key', credits: 100 })).toMatchObject({
      status: 200,
      json: { created: false, credits: 100 },
    });
    expect((await get(server.url, '/__mock/accounts', { apiKey: 'new-key' })).json).toMatchObject({
      credits: 100,
      messages: 1,
    });
  });

  test.each([
    ['no apiKey', { credits: 5 }],
    ['negative credits', { apiKey: 'k', credits: -1 }],
    ['fractional credits', { apiKey: 'k', credits: 1.5 }],
    ['credits as a string', { apiKey: 'k', credits: '5' }],
    ['a numeric apiKey', { apiKey: 42, credits: 5 }],
  ])('POST /__mock/accounts: 400 on %s', async (_label, body) => {
    const answer = await post(server.url, '/__mock/accounts', body);
    expect(answer.status).toBe(400);
    expect(server.store.account('k')).toBeUndefined();
  });

  test('GET /__mock/messages lists states as the clock moves; 400 without apiKey, 404 for an unknown one', async () => {
    await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678',
      message: 'hi',
      scheduledDeliveryDate: '15/01/2030',
      time: 9,
      minute: 30,
    });
    expect((await get(server.url, '/__mock/messages', { apiKey: FUNDED })).json).toMatchObject({
      messages: [{ state: 'scheduled', sendAt: '2030-01-15T08:30:00.000Z' }],
    });
    await post(server.url, '/__mock/clock', { advanceBy: 30 * 60_000 });
    expect((await get(server.url, '/__mock/messages', { apiKey: FUNDED })).json).toMatchObject({
      messages: [{ state: 'sent' }],
    });
    expect((await get(server.url, '/__mock/messages')).status).toBe(400);
    expect((await get(server.url, '/__mock/messages', { apiKey: 'ghost' })).status).toBe(404);
  });

  test('POST /__mock/reset puts every account back to its config and restarts ids', async () => {
    await post(server.url, '/v1/send', { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'hi' });
    await post(server.url, '/__mock/accounts', { apiKey: 'temp', credits: 3 });
    expect((await post(server.url, '/__mock/reset', {})).json).toEqual({ reset: 'all' });
    expect((await get(server.url, '/__mock/accounts', { apiKey: FUNDED })).json).toMatchObject({
      credits: 1000,
      messages: 0,
    });
    expect((await get(server.url, '/__mock/accounts', { apiKey: 'temp' })).status).toBe(404);
    const sent = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678',
      message: 'hi',
    });
    expect(sent.json).toMatchObject({ message_id: 1000 });
  });

  test('an unknown admin route is a 404 listing the routes', async () => {
    const answer = await get(server.url, '/__mock/nope');
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({ routes: expect.arrayContaining(['POST /__mock/reset']) });
  });
});

describe('admin API: accounts with settings', () => {
  test('a new account may carry any account setting', async () => {
    const created = await post(server.url, '/__mock/accounts', {
      apiKey: 'set-key',
      credits: 5,
      status: 'blocked',
    });
    expect(created).toMatchObject({ status: 201, json: { created: true, credits: 5 } });
    expect(
      (await post(server.url, '/v1/send', { apiKey: 'set-key', phoneNumbers: '0612345678', message: 'x' }))
        .json,
    ).toMatchObject({ code: 30 });
  });

  test.each([
    ['an unknown status', { apiKey: 'set-key', credits: 5, status: 'paused' }],
    ['an allow-list that is not a list', { apiKey: 'set-key', credits: 5, allowedIps: '127.0.0.1' }],
  ])('400 on %s, and no account is created', async (_label, body) => {
    const answer = await post(server.url, '/__mock/accounts', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error: expect.stringMatching(/^invalid account settings: /) });
    expect(server.store.account('set-key')).toBeUndefined();
  });

  test('settings on an existing account are refused (reset it first)', async () => {
    const answer = await post(server.url, '/__mock/accounts', {
      apiKey: FUNDED,
      credits: 5,
      marketing: true,
    });
    expect(answer.status).toBe(400);
    expect(server.store.account(FUNDED)?.settings.marketing).toBe(false);
  });
});

import { request } from 'node:http';
import { cancelSmsCodes } from '@smspartner-kit/schema';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fingerprint, type RunningMock, startMockServer } from '../../src/index.ts';
import { EMPTY, FUNDED, get, MINUTE, post, scheduleAt, T0, useMock } from '../helpers.ts';

const server = useMock();
const FUNDED_ID = fingerprint(FUNDED);
const EMPTY_ID = fingerprint(EMPTY);

const send = (apiKey: string, fields: Record<string, unknown> = {}) =>
  post(server.url, '/v1/send', { apiKey, phoneNumbers: '0612345678', message: 'Hello', ...fields });
type Page = {
  messages: { messageId: number; account: { id: string; label: string }; state: string }[];
  nextCursor: number | null;
};
const inbox = async (query: Record<string, string | number | undefined> = {}) =>
  (await get(server.url, '/__mock/inbox/messages', query)).json as Page;

describe('GET /__mock/inbox/state and /messages: every account, by handle, newest first', () => {
  test('the state names accounts by name and fingerprint, never by key', async () => {
    const answer = await get(server.url, '/__mock/inbox/state');
    expect(answer.json).toMatchObject({
      clock: { now: '2030-01-15T08:00:00.000Z', frozen: true },
      accounts: [
        { id: FUNDED_ID, label: 'funded', credits: 1000, messages: 0, clock: null },
        { id: EMPTY_ID, label: 'no credits', credits: 0 },
      ],
      routes: expect.arrayContaining(['POST /__mock/faults', 'GET /__mock/inbox/events']),
    });
    expect(answer.text).not.toContain(FUNDED);
  });

  test('messages of every account merge newest first, and page with cursor', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: EMPTY, credits: 10 });
    for (let i = 0; i < 3; i++) {
      await send(FUNDED, { message: `funded ${i}` });
      await send(EMPTY, { message: `empty ${i}` });
    }
    const first = await inbox({ limit: 4 });
    expect(first.messages.map((message) => [message.messageId, message.account.label])).toEqual([
      [1005, 'no credits'],
      [1004, 'funded'],
      [1003, 'no credits'],
      [1002, 'funded'],
    ]);
    expect(first.nextCursor).toBe(1002);
    const second = await inbox({ limit: 4, cursor: first.nextCursor ?? undefined });
    expect(second).toMatchObject({ messages: [{ messageId: 1001 }, { messageId: 1000 }], nextCursor: null });
  });

  test.each([
    [{ account: EMPTY_ID }, [1001]],
    [{ account: 'funded' }, [1002, 1000]],
    [{ to: '+33698765432' }, [1002]],
    [{ to: '0698765432' }, [1002]],
    [{ to: '98765' }, [1002]],
    [{ tag: 'otp' }, [1000]],
    [{ state: 'scheduled' }, [1002]],
    [{ state: 'sent' }, [1001, 1000]],
    [{ text: 'YOUR CODE' }, [1000]],
  ])('filter %j', async (filter, ids) => {
    await post(server.url, '/__mock/accounts', { apiKey: EMPTY, credits: 10 });
    await send(FUNDED, { tag: 'otp', message: 'Your code is 123456' });
    await send(EMPTY);
    await send(FUNDED, { phoneNumbers: '0698765432', ...scheduleAt(T0 + 60 * MINUTE) });
    expect((await inbox(filter)).messages.map((message) => message.messageId)).toEqual(ids);
  });

  test.each([
    [{ state: 'delivered' }, 400],
    [{ limit: 0 }, 400],
    [{ limit: 501 }, 400],
    [{ cursor: 'x' }, 400],
    [{ account: 'key#00000000' }, 404],
    [{ to: 'x'.repeat(201) }, 400],
  ])('%j answers %i', async (query, status) => {
    expect((await get(server.url, '/__mock/inbox/messages', query)).status).toBe(status);
  });
});

describe('detail, cancel and the next event', () => {
  test('the detail shows parts and encoding; cancel runs the API rule and refunds', async () => {
    await send(FUNDED, { message: 'Crème brûlée € '.repeat(12), ...scheduleAt(T0 + 60 * MINUTE) });
    const detail = await get(server.url, '/__mock/inbox/messages/1000');
    expect(detail.json).toMatchObject({
      messageId: 1000,
      state: 'scheduled',
      kind: 'send',
      account: { id: FUNDED_ID, label: 'funded' },
      parts: { encoding: 'gsm', partsPerRecipient: 2, recipients: 1 },
    });
    expect((await post(server.url, '/__mock/inbox/cancel', { messageId: 1000 })).json).toMatchObject({
      success: true,
    });
    expect(server.store.account(FUNDED)?.credits).toBe(1000);
    expect((await post(server.url, '/__mock/inbox/cancel', { messageId: 1000 })).json).toEqual({
      success: false,
      code: 5,
      message: cancelSmsCodes[5].message,
    });
    expect((await post(server.url, '/__mock/inbox/cancel', { messageId: 99 })).status).toBe(404);
    expect((await get(server.url, '/__mock/inbox/messages/99')).status).toBe(404);
  });

  test('a Unicode text reads as Unicode', async () => {
    await send(FUNDED, { message: 'Привет 👋', isUnicode: 1 });
    expect((await get(server.url, '/__mock/inbox/messages/1000')).json).toMatchObject({
      parts: { encoding: 'unicode', units: 9, partsPerRecipient: 1 },
    });
  });

  test('next event moves the store clock to the earliest scheduled send, then says there is none', async () => {
    await send(FUNDED, { ...scheduleAt(T0 + 90 * MINUTE) });
    await send(FUNDED, { ...scheduleAt(T0 + 30 * MINUTE) });
    expect((await post(server.url, '/__mock/inbox/clock/next', {})).json).toEqual({
      now: new Date(T0 + 30 * MINUTE).toISOString(),
      frozen: true,
      messageId: 1001,
    });
    expect((await post(server.url, '/__mock/inbox/clock/next', {})).json).toMatchObject({ messageId: 1000 });
    expect((await post(server.url, '/__mock/inbox/clock/next', {})).json).toMatchObject({ messageId: null });
  });
});

describe('any admin route takes an account handle instead of a key', () => {
  test('by fingerprint or by name, in the body or the query', async () => {
    expect((await post(server.url, '/__mock/clock', { account: FUNDED_ID, advanceBy: MINUTE })).status).toBe(
      200,
    );
    expect(server.store.clockFor(FUNDED).now()).toBe(T0 + MINUTE);
    expect(server.store.clock.now()).toBe(T0);
    expect((await get(server.url, '/__mock/accounts', { account: 'no credits' })).json).toMatchObject({
      fingerprint: EMPTY_ID,
    });
  });

  test.each([
    [{ account: 'key#00000000', advanceBy: 1 }, 404],
    [{ account: FUNDED_ID, apiKey: FUNDED, advanceBy: 1 }, 400],
    [{ account: 7, advanceBy: 1 }, 400],
  ])('%j answers %i', async (body, status) => {
    expect((await post(server.url, '/__mock/clock', body)).status).toBe(status);
  });

  test('a name two accounts bear is ambiguous', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: 'twin-key', credits: 1, name: 'funded' });
    expect((await get(server.url, '/__mock/accounts', { account: 'funded' })).json).toEqual({
      error: 'Several accounts bear this name: use the fingerprint (key#…)',
    });
  });
});

/** Reads server-sent events until `until` says enough. */
function readEvents(url: string, until: (events: string[]) => boolean, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string | undefined; events: string[] }>((resolve, reject) => {
    const events: string[] = [];
    const call = request(url, { headers }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], events });
        return;
      }
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        events.push(...blocks.filter((block) => block.startsWith('event:')));
        if (until(events)) {
          call.destroy();
          resolve({ status: 200, type: response.headers['content-type'], events });
        }
      });
    });
    call.on('error', reject);
    call.end();
  });
}

describe('GET /__mock/inbox/events: live updates', () => {
  test('a change event on connect, then one for a burst of sends', async () => {
    let sent = false;
    const result = await readEvents(`${server.url}/__mock/inbox/events`, (events) => {
      if (events.length === 1 && !sent) {
        sent = true;
        void Promise.all([send(FUNDED), send(FUNDED), send(FUNDED)]);
      }
      return events.length >= 2;
    });
    expect(result.type).toBe('text/event-stream; charset=utf-8');
    expect(result.events[0]).toMatch(/^event: change\ndata: \{"version":\d+\}$/);
    expect(server.store.listMessages(FUNDED)).toHaveLength(3);
  });

  test('a foreign origin gets 403, for the stream and the lists alike', async () => {
    const foreign = { origin: 'https://evil.example' };
    expect((await readEvents(`${server.url}/__mock/inbox/events`, () => true, foreign)).status).toBe(403);
    const listing = await fetch(`${server.url}/__mock/inbox/messages`, { headers: foreign });
    expect(listing.status).toBe(403);
  });
});

describe('the page at GET /', () => {
  test('is served with a strict content security policy and no framing', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toContain('/__mock/inbox/inbox.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${server.url}/__mock/inbox/inbox.js`)).headers.get('content-type')).toContain(
      'text/javascript',
    );
  });
});

describe('with an admin token', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMockServer({ adminToken: 'inbox-token' });
  });
  afterAll(() => mock.close());

  test('the page asks for it as a password, and takes it as Basic or Bearer', async () => {
    const refused = await fetch(mock.url);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const basic = `Basic ${Buffer.from('anyone:inbox-token').toString('base64')}`;
    expect((await fetch(mock.url, { headers: { authorization: basic } })).status).toBe(200);
    expect(
      (await fetch(`${mock.url}/__mock/inbox/state`, { headers: { authorization: basic } })).status,
    ).toBe(200);
    expect((await fetch(`${mock.url}/__mock/inbox/events`)).status).toBe(401);
    const wrong = `Basic ${Buffer.from('anyone:nope').toString('base64')}`;
    expect((await fetch(mock.url, { headers: { authorization: wrong } })).status).toBe(401);
  });
});

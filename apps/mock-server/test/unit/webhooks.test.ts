import { endpoints, parseDeliveryReceipt, parseReplyWebhook } from '@smspartner-kit/schema';
import { afterEach, describe, expect, test } from 'vitest';
import { type RunningMock, startMockServer, TEST_NUMBERS } from '../../src/index.ts';
import { advance, flush, get, post, type Received, scheduleAt, startReceiver, T0 } from '../helpers.ts';

/**
 * Webhooks on the mock's clock: each test starts its own mock (frozen at T0)
 * and a local receiver, moves the clock through the admin API, waits for the
 * deliveries the clock reached (`POST /__mock/webhooks/flush`) and reads what
 * the receiver got and what `GET /__mock/webhooks` shows.
 */
const KEY = 'webhook-test-key';
const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of running.splice(0)) await item.close();
});

async function setup(
  given: Record<string, unknown> | ((receiverUrl: string) => Record<string, unknown>) = {},
  config: Record<string, unknown> = {},
  answer?: (request: Received, index: number) => number | 'hang',
) {
  const receiver = await startReceiver(answer);
  running.push(receiver);
  const settings = typeof given === 'function' ? given(receiver.url) : given;
  const mock: RunningMock = await startMockServer({
    checkResponses: true,
    config: {
      accounts: [{ apiKey: KEY, credits: 1000, virtualNumbers: ['33700000000'], ...settings }],
      ...config,
    },
  });
  running.push(mock);
  mock.store.clock.set(T0);
  const send = async (body: Record<string, unknown>, path = '/v1/send') => {
    const answer = await post(mock.url, path, { apiKey: KEY, message: 'Hello', ...body });
    expect(answer.json, JSON.stringify(answer.json)).toMatchObject({ success: true });
    return (answer.json as { message_id: number }).message_id;
  };
  const webhooks = async () =>
    (await get(mock.url, '/__mock/webhooks', { apiKey: KEY, limit: 1000 })).json as {
      webhooks: {
        event: string;
        state: string;
        attempts: { status: number | null; error: string | null }[];
        payload: Record<string, unknown>;
        reason: string | null;
        url: string;
        lastError: string | null;
        nextAttemptAt: string | null;
      }[];
      settled: boolean;
    };
  const settle = async () => expect((await flush(mock.url, KEY)).json).toEqual({ settled: true });
  return { mock, receiver, send, webhooks, settle };
}

const bodies = (received: Received[], path: string) =>
  received.filter((request) => request.path === path).map((request) => JSON.parse(request.body));

/** The fields of a request sent as form fields (its content type says so). */
function formFields(request: Received | undefined): Record<string, string> {
  expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  return Object.fromEntries(new URLSearchParams(request?.body));
}

describe('delivery receipts (urlDlr): the mock assumes the single-status fields', () => {
  test('one receipt per recipient when the clock reaches its outcome, exactly once whatever the clock does', async () => {
    const { mock, receiver, send, settle } = await setup();
    const id = await send({
      phoneNumbers: '0600000000,+33699000001,+33699000002',
      urlDlr: `${receiver.url}/dlr`,
      ...scheduleAt(T0 + 3_600_000),
    });
    await advance(mock.url, 3_600_000 + 5_999);
    await settle();
    expect(receiver.received).toEqual([]);
    await advance(mock.url, 1);
    await settle();
    expect(bodies(receiver.received, '/dlr')).toEqual([
      {
        number: '+33600000000',
        messageId: String(id),
        stopSms: false,
        date: String((T0 + 3_606_000) / 1000),
        statut: 'Delivered',
        cost: 0.038,
        countryCode: 'FR',
        currency: 'EUR',
      },
      expect.objectContaining({ number: '+33699000001', statut: 'Not delivered' }),
    ]);
    // The receipt matches what the status endpoint answers, and the client's parser reads it.
    const status = (
      await get(mock.url, '/v1/message-status', { apiKey: KEY, messageId: id, phoneNumber: '0600000000' })
    ).json as Record<string, unknown>;
    const { success: _s, code: _c, ...fields } = status;
    expect(bodies(receiver.received, '/dlr')[0]).toEqual(fields);
    expect(parseDeliveryReceipt(receiver.received[0]?.body ?? '', 'application/json')).toMatchObject({
      messageId: String(id),
      phoneNumber: '+33600000000',
      status: 'Delivered',
      at: T0 + 3_606_000,
    });
    // Back and forth: nothing is posted twice; the recipient that stays Waiting never gets one.
    await advance(mock.url, -3_600_000);
    await advance(mock.url, 48 * 3_600_000);
    await settle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((request) => request.headers['content-type'] === 'application/json')).toBe(
      true,
    );
    expect(receiver.received[0]?.headers).toMatchObject({
      'x-mock-webhook-event': 'delivery-receipt',
      'x-mock-webhook-attempt': '1',
    });
  });

  test("the account's default URL, form encoding, or none at all", async () => {
    const form = await setup({ urlDlr: 'http://placeholder.invalid/x', deliveryReceipts: 'form' });
    // The account default is used when a send gives none; a send's own URL wins.
    await form.send({ phoneNumbers: '0600000000', urlDlr: `${form.receiver.url}/own` });
    await advance(form.mock.url, 6_000);
    await form.settle();
    expect(form.receiver.received).toHaveLength(1);
    expect(formFields(form.receiver.received[0])).toMatchObject({
      number: '+33600000000',
      stopSms: '0',
      statut: 'Delivered',
      cost: '0.038',
    });
    expect(
      parseDeliveryReceipt(form.receiver.received[0]?.body ?? '', 'application/x-www-form-urlencoded'),
    ).toMatchObject({
      stopSms: false,
      cost: 0.038,
    });

    const byDefault = await setup({});
    const defaulted = await setup({ urlDlr: `${byDefault.receiver.url}/default` });
    await defaulted.send({ phoneNumbers: '0600000000' });
    await advance(defaulted.mock.url, 6_000);
    await defaulted.settle();
    expect(byDefault.receiver.received.map((request) => request.path)).toEqual(['/default']);

    const off = await setup({ deliveryReceipts: 'off' });
    await off.send({ phoneNumbers: '0600000000', urlDlr: `${off.receiver.url}/dlr` });
    await advance(off.mock.url, 6_000);
    await off.settle();
    expect(off.receiver.received).toEqual([]);
  });

  test('a forced outcome posts its own receipt; a cancelled message never delivers', async () => {
    const { mock, receiver, send, settle } = await setup();
    const id = await send({ phoneNumbers: '0600000000,0611111111', urlDlr: `${receiver.url}/dlr` });
    await advance(mock.url, 6_000);
    await settle();
    expect(receiver.received).toHaveLength(2);
    const forced = await post(mock.url, `/__mock/messages/${id}/status`, {
      status: 'Not delivered',
      phoneNumber: '+33611111111',
    });
    expect(forced.json).toMatchObject({
      messageId: id,
      recipients: [
        { phoneNumber: '+33600000000', state: 'Delivered' },
        {
          phoneNumber: '+33611111111',
          state: 'Not delivered',
          history: [
            { state: 'Waiting', at: new Date(T0).toISOString() },
            { state: 'Delivered', at: new Date(T0 + 6_000).toISOString() },
            { state: 'Not delivered', at: new Date(T0 + 6_000).toISOString() },
          ],
        },
      ],
    });
    await settle();
    expect(bodies(receiver.received, '/dlr').map((body) => `${body.number} ${body.statut}`)).toEqual([
      '+33600000000 Delivered',
      '+33611111111 Delivered',
      '+33611111111 Not delivered',
    ]);
    const later = await send({
      phoneNumbers: '0600000000',
      urlDlr: `${receiver.url}/dlr`,
      ...scheduleAt(T0 + 3_600_000),
    });
    await get(mock.url, '/v1/message-cancel', { apiKey: KEY, messageId: later });
    expect((await post(mock.url, `/__mock/messages/${later}/status`, { status: 'Delivered' })).status).toBe(
      409,
    );
    await advance(mock.url, 2 * 3_600_000);
    await settle();
    expect(receiver.received).toHaveLength(3);
  });

  test('the admin route refuses what it cannot do, plainly', async () => {
    const { mock, send } = await setup();
    const id = await send({ phoneNumbers: '0600000000' });
    const force = (path: string, body: unknown) => post(mock.url, path, body);
    expect((await force(`/__mock/messages/${id}/status`, { status: 'delivered' })).status).toBe(400);
    expect(
      (await force(`/__mock/messages/${id}/status`, { status: 'Delivered', phoneNumber: '922264' })).status,
    ).toBe(400);
    expect(
      (await force(`/__mock/messages/${id}/status`, { status: 'Delivered', phoneNumber: '0611111111' }))
        .status,
    ).toBe(409);
    expect((await force('/__mock/messages/999999/status', { status: 'Delivered' })).status).toBe(404);
    expect((await force('/__mock/messages/abc/status', { status: 'Delivered' })).status).toBe(400);
    expect(
      (await force(`/__mock/messages/${id}/status`, { status: 'Delivered', apiKey: 'test-funded-key' }))
        .status,
    ).toBe(404);
  });
});

describe('deliveries: retries on the clock, timeouts, bounds, and never an API key', () => {
  test('a 5xx is retried after 1 s, then 2 s, on the mock clock; a 2xx ends it', async () => {
    const { mock, receiver, send, webhooks, settle } = await setup({}, {}, (_request, index) =>
      index < 2 ? 503 : 204,
    );
    await send({ phoneNumbers: '0600000000', urlDlr: `${receiver.url}/dlr` });
    await advance(mock.url, 6_000);
    await settle();
    expect(receiver.received).toHaveLength(1);
    let [record] = (await webhooks()).webhooks;
    expect(record).toMatchObject({
      state: 'pending',
      nextAttemptAt: new Date(T0 + 7_000).toISOString(),
      attempts: [{ status: 503 }],
    });
    await advance(mock.url, 999);
    await settle();
    expect(receiver.received).toHaveLength(1);
    await advance(mock.url, 1);
    await settle();
    expect(receiver.received).toHaveLength(2);
    await advance(mock.url, 2_000);
    await settle();
    [record] = (await webhooks()).webhooks;
    expect(record).toMatchObject({
      state: 'delivered',
      attempts: [{ status: 503 }, { status: 503 }, { status: 204 }],
    });
    expect(receiver.received.map((request) => request.headers['x-mock-webhook-attempt'])).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
  });

  test('a 4xx is final; attempts run out at maxAttempts', async () => {
    const refusing = await setup({}, {}, () => 404);
    await refusing.send({ phoneNumbers: '0600000000', urlDlr: `${refusing.receiver.url}/dlr` });
    await advance(refusing.mock.url, 6_000);
    await refusing.settle();
    expect((await refusing.webhooks()).webhooks[0]).toMatchObject({
      state: 'failed',
      attempts: [{ status: 404 }],
    });

    const failing = await setup({}, { webhooks: { maxAttempts: 3, backoffMs: 0 } }, () => 500);
    await failing.send({ phoneNumbers: '0600000000', urlDlr: `${failing.receiver.url}/dlr` });
    await advance(failing.mock.url, 6_000);
    await failing.settle();
    expect((await failing.webhooks()).webhooks[0]).toMatchObject({ state: 'failed', attempts: [{}, {}, {}] });
    expect(failing.receiver.received).toHaveLength(3);
  });

  test('a hanging receiver times out (and is retried); a refused connection is retried; the API never waits', async () => {
    const { mock, receiver, send, webhooks, settle } = await setup(
      {},
      { webhooks: { timeoutMs: 1_000, maxAttempts: 2 } },
      () => 'hang',
    );
    await send({ phoneNumbers: '0600000000', urlDlr: `${receiver.url}/dlr` });
    await advance(mock.url, 6_000);
    // The API answers while the receiver still holds the webhook: no attempt has ended yet.
    // (Causal, not timed: had the API waited, the attempt would have timed out first.)
    const status = await get(mock.url, '/v1/bulk-status', { apiKey: KEY, messageId: 1000 });
    expect(status.json).toMatchObject({ success: true });
    expect((await webhooks()).webhooks[0]).toMatchObject({ state: 'delivering', attempts: [] });
    await settle();
    expect((await webhooks()).webhooks[0]).toMatchObject({
      state: 'pending',
      attempts: [{ error: 'timeout after 1000 ms', status: null }],
    });

    const closed = await startReceiver();
    const url = closed.url;
    await closed.close();
    const refused = await setup({}, { webhooks: { maxAttempts: 1 } });
    await refused.send({ phoneNumbers: '0600000000', urlDlr: `${url}/dlr` });
    await advance(refused.mock.url, 6_000);
    await refused.settle();
    expect((await refused.webhooks()).webhooks[0]?.lastError).toMatch(/^ECONNREFUSED/);
  });

  test('only http(s) URLs are called; a URL or a body with an API key never leaves as is', async () => {
    const { mock, receiver, send, webhooks, settle } = await setup({ urlResponse: undefined });
    await send({ phoneNumbers: '0600000000', urlDlr: 'ftp://example.test/dlr' });
    await send({ phoneNumbers: '0611111111', urlDlr: `${receiver.url}/dlr?key=${KEY}` });
    await send({ phoneNumbers: '0622222222', urlResponse: `${receiver.url}/reply` });
    await advance(mock.url, 6_000);
    await post(mock.url, '/__mock/replies', { apiKey: KEY, from: '0622222222', text: `my key is ${KEY}` });
    await settle();
    const list = (await webhooks()).webhooks;
    expect(list.find((item) => item.url.startsWith('ftp:'))).toMatchObject({
      state: 'dropped',
      reason: 'only http and https URLs are called',
    });
    expect(list.find((item) => item.url.includes('/dlr?'))).toMatchObject({
      state: 'failed',
      lastError: 'refused: the URL carries an API key',
    });
    expect(receiver.received.map((request) => request.path)).toEqual(['/reply']);
    expect(receiver.received[0]?.body).not.toContain(KEY);
    expect(JSON.parse(receiver.received[0]?.body ?? '{}')).toMatchObject({ text: 'my key is REDACTED' });
    expect(JSON.stringify(list)).not.toContain(KEY);
  });

  test('the queue is bounded (limits.webhookQueue): past it, deliveries are dropped and listed so', async () => {
    const { mock, receiver, send, webhooks } = await setup({}, { limits: { webhookQueue: 2 } }, () => 'hang');
    await send({ phoneNumbers: '0600000000,0611111111,0622222222', urlDlr: `${receiver.url}/dlr` });
    await advance(mock.url, 6_000);
    const list = (await webhooks()).webhooks;
    expect(list.map((item) => item.state).sort()).toEqual(['delivering', 'delivering', 'dropped']);
    expect(list.find((item) => item.state === 'dropped')?.reason).toMatch(/queue is full/);
    // The two in flight hang: a flush gives up after its timeout, and says so.
    expect((await post(mock.url, '/__mock/webhooks/flush', { apiKey: KEY, timeoutMs: 100 })).json).toEqual({
      settled: false,
    });
  });

  test('a message with a webhook still to send is never dropped to make room', async () => {
    const { mock, receiver, send } = await setup(
      {},
      { limits: { messages: 1, whenFull: 'evict-finished' } },
      () => 503,
    );
    await send({ phoneNumbers: '0600000000', urlDlr: `${receiver.url}/dlr` });
    await advance(mock.url, 6_000);
    // Delivered, but its receipt is waiting for a retry: it stays.
    const refused = await post(mock.url, '/v1/send', {
      apiKey: KEY,
      phoneNumbers: '0611111111',
      message: 'x',
    });
    expect(refused.json).toMatchObject({ code: 500 });
  });
});

describe('replies (urlResponse), from POST /__mock/replies and the test numbers', () => {
  test('a short-number reply and a STOP: the documented payloads; STOP lists the number and the next send answers 14', async () => {
    const { mock, receiver, send, settle } = await setup();
    const id = await send({ phoneNumbers: '0612345678', urlResponse: `${receiver.url}/reply` });
    const reply = await post(mock.url, '/__mock/replies', {
      apiKey: KEY,
      from: '+33612345678',
      text: 'Yes please',
    });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ messageId: id, stopListed: false, webhooks: [{ event: 'reply' }] });
    const stop = await post(mock.url, '/__mock/replies', {
      apiKey: KEY,
      from: '0612345678',
      text: 'Stop',
      messageId: id,
    });
    expect(stop.json).toMatchObject({ messageId: id, stopListed: true, webhooks: [{ event: 'stop' }] });
    await settle();
    expect(bodies(receiver.received, '/reply')).toEqual([
      { type: 'response', phone_number: '+33612345678', text: 'Yes please', message_id: id },
      { type: 'stop', phone_number: '+33612345678', text: 'Stop', message_id: id },
    ]);
    expect(parseReplyWebhook(receiver.received[1]?.body ?? '')).toMatchObject({
      kind: 'short-number',
      type: 'stop',
      from: '+33612345678',
      messageId: String(id),
    });
    expect(
      (await post(mock.url, '/v1/send', { apiKey: KEY, phoneNumbers: '0612345678', message: 'x' })).json,
    ).toMatchObject({ code: 14 });
    expect((await get(mock.url, '/v1/stop-sms/list', { apiKey: KEY })).json).toMatchObject({
      nbData: 1,
      data: [{ phoneNumber: '+33612345678', createdAt: '2030-01-15 09:00:00' }],
    });
  });

  test('a long-number reply: msisdn, to, keyword, UTC timestamp; a long text arrives in concat parts; form fields as an option', async () => {
    const { mock, receiver, send, settle } = await setup({ replyFormat: 'form' });
    const id = await send(
      { to: '0612345678', from: '33700000000', urlResponse: `${receiver.url}/reply` },
      '/v1/vn/send',
    );
    const long = `ok ${'x'.repeat(200)}`;
    expect(
      (
        await post(mock.url, '/__mock/replies', {
          apiKey: KEY,
          from: '0612345678',
          text: long,
          messageId: id,
        })
      ).status,
    ).toBe(201);
    await settle();
    const parts = receiver.received.map((request) => Object.fromEntries(new URLSearchParams(request.body)));
    expect(receiver.received[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(parts).toEqual([
      {
        msisdn: '33612345678',
        to: '33700000000',
        messageId: '0200000000000001',
        concat: 'true',
        'concat-ref': '1',
        'concat-total': '2',
        'concat-part': '1',
        text: long.slice(0, 153),
        type: 'text',
        keyword: 'OK',
        'message-timestamp': '2030-01-15 08:00:00',
      },
      expect.objectContaining({ 'concat-part': '2', text: long.slice(153), messageId: '0200000000000002' }),
    ]);
    const parsed = parseReplyWebhook(receiver.received[0]?.body ?? '', 'application/x-www-form-urlencoded');
    expect(parsed).toMatchObject({
      kind: 'long-number',
      from: '+33612345678',
      to: '+33700000000',
      concat: { ref: '1', total: 2, part: 1 },
      receivedAt: T0,
    });
  });

  test('the test numbers reply when their SMS is delivered: a text, a long text, and STOP', async () => {
    const { mock, receiver, send, settle } = await setup();
    const [stop, text] = [TEST_NUMBERS[2], TEST_NUMBERS[3]];
    const id = await send({
      phoneNumbers: `${stop?.number},${text?.number}`,
      urlResponse: `${receiver.url}/reply`,
    });
    await advance(mock.url, 5_999);
    await settle();
    expect(receiver.received).toEqual([]);
    await advance(mock.url, 1);
    await settle();
    expect(bodies(receiver.received, '/reply')).toEqual([
      { type: 'stop', phone_number: stop?.number, text: 'STOP', message_id: id },
      { type: 'response', phone_number: text?.number, text: 'Yes, see you then', message_id: id },
    ]);
    expect(
      (await post(mock.url, '/v1/send', { apiKey: KEY, phoneNumbers: stop?.number, message: 'x' })).json,
    ).toMatchObject({ code: 14 });
    await advance(mock.url, -60_000);
    await advance(mock.url, 120_000);
    await settle();
    expect(receiver.received).toHaveLength(2);
  });

  test('refusals: no account, an invalid number, a message not sent to it, a number that is not a virtual one', async () => {
    const { mock, send } = await setup();
    const id = await send({ phoneNumbers: '0612345678' });
    const reply = (body: Record<string, unknown>) =>
      post(mock.url, '/__mock/replies', { apiKey: KEY, text: 'hi', ...body });
    expect((await reply({ apiKey: 'nope', from: '0612345678' })).status).toBe(404);
    expect((await reply({ from: '922264' })).status).toBe(400);
    expect((await reply({ from: '0611111111', messageId: id })).status).toBe(409);
    expect((await reply({ from: '0612345678', messageId: 999_999 })).status).toBe(404);
    expect((await reply({ from: '0612345678', to: '33799999999' })).status).toBe(400);
    expect((await reply({ from: '0612345678' })).json).toMatchObject({ messageId: id, webhooks: [] });
  });
});

describe('HLR results (notifyUrl): one POST per number, in the documented notification fields', () => {
  test('sent at once, without a clock move, exactly once per number, and listed as hlr-result', async () => {
    const { mock, receiver, webhooks, settle } = await setup({ hlrCredits: 10 });
    const answer = await post(mock.url, '/v1/hlr/notify', {
      apiKey: KEY,
      phoneNumbers: '+33612345678,+33600000001',
      notifyUrl: `${receiver.url}/hlr`,
    });
    expect(answer.json).toMatchObject({ success: true, campaign_id: 'HLR1000', number: 2 });
    await settle();
    expect(receiver.received.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /hlr',
      'POST /hlr',
    ]);
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
    // What each number's request carries is the result the mock keeps (its fields: verify-numbers.test.ts).
    const kept = (await get(mock.url, '/__mock/hlr', { apiKey: KEY })).json as {
      campaigns: { results: Record<string, unknown>[] }[];
    };
    expect(kept.campaigns[0]?.results.map(({ phone, errorName }) => [phone, errorName])).toEqual([
      ['+33612345678', 'NO_ERROR'],
      ['+33600000001', 'EC_UNKNOWN_SUBSCRIBER'],
    ]);
    expect(bodies(receiver.received, '/hlr')).toEqual(kept.campaigns[0]?.results);
    const listed = (await webhooks()).webhooks;
    expect(listed.map(({ event, state, url }) => [event, state, url])).toEqual([
      ['hlr-result', 'delivered', `${receiver.url}/hlr`],
      ['hlr-result', 'delivered', `${receiver.url}/hlr`],
    ]);
  });

  test("form fields with the account's replyFormat: form; no notifyUrl, no request; a refused request, none", async () => {
    const { mock, receiver, settle } = await setup({ hlrCredits: 2, replyFormat: 'form' });
    await post(mock.url, '/v1/hlr/notify', { apiKey: KEY, phoneNumbers: '+33612345678' });
    const refused = await post(mock.url, '/v1/hlr/notify', {
      apiKey: KEY,
      phoneNumbers: '+33612345678,+33698765432',
      notifyUrl: `${receiver.url}/hlr`,
    });
    expect(refused.json).toMatchObject({ success: false, code: 11 });
    const sent = await post(mock.url, '/v1/hlr/notify', {
      apiKey: KEY,
      phoneNumbers: '+33600020000',
      notifyUrl: `${receiver.url}/hlr`,
    });
    expect(sent.json).toMatchObject({ success: true, campaign_id: 'HLR1001' });
    await settle();
    expect(receiver.received).toHaveLength(1);
    expect(formFields(receiver.received[0])).toEqual({
      phone: '+33600020000',
      messageId: '1001-1',
      mccMnc: '20815',
      ported: '1',
      errorGrpId: '0',
      errorName: 'NO_ERROR',
      errorDesc: 'No Error',
      date: '2030-01-15T08:00:00.000+0000',
    });
  });
});

describe('RCS suggestion taps (POST /__mock/replies with postbackData): the reply webhook, our payload', () => {
  const { example } = endpoints.sendRcs;
  const sendRcs = async (mock: RunningMock, body: Record<string, unknown> = {}) => {
    const answer = await post(mock.url, '/v1/rcs/send', {
      ...example.request,
      apiKey: KEY,
      phoneNumbers: ['+33612345678', '+33600010001'],
      ...body,
    });
    expect(answer.json, answer.text).toMatchObject({ success: true });
    return (answer.json as { message_id: number }).message_id;
  };
  const tap = (mock: RunningMock, body: Record<string, unknown>) =>
    post(mock.url, '/__mock/replies', { apiKey: KEY, from: '+33612345678', ...body });

  test("a tap sends the suggestion's text and postbackData to the account's urlResponse", async () => {
    const { mock, receiver, settle } = await setup((url) => ({
      unicode: true,
      urlResponse: `${url}/replies`,
    }));
    const id = await sendRcs(mock);
    // `text` is the suggestion's whatever the request says: a tap is not typed.
    const answer = await tap(mock, { postbackData: 'slot_change', text: 'STOP' });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toMatchObject({ messageId: id, stopListed: false });
    await settle();
    const expected = {
      type: 'rcs_suggestion',
      phone_number: '+33612345678',
      text: 'Change it',
      postbackData: 'slot_change',
      message_id: id,
    };
    expect(bodies(receiver.received, '/replies')).toEqual([expected]);
    expect(parseReplyWebhook(receiver.received[0]?.body ?? '', 'application/json')).toEqual({
      kind: 'rcs-suggestion',
      from: '+33612345678',
      text: 'Change it',
      postbackData: 'slot_change',
      messageId: String(id),
      payload: expected,
    });
    // A tap is not a typed reply: the `text: "STOP"` it was given is not sent, and lists nobody.
    expect((await get(mock.url, '/v1/stop-sms/list', { apiKey: KEY })).json).toMatchObject({
      success: true,
      nbData: 0,
    });
  });

  test.each([
    [
      'a postbackData no suggestion has',
      { postbackData: 'slot_maybe' },
      409,
      /no suggestion with that postbackData/,
    ],
    [
      'a recipient that got the SMS fallback',
      { from: '+33600010001', postbackData: 'slot_yes' },
      409,
      /No RCS message reached/,
    ],
    ['an empty postbackData', { postbackData: '' }, 400, /postbackData must be/],
    ['an id no RCS send has', { postbackData: 'slot_yes', messageId: 999_999 }, 404, /No such RCS message/],
  ])('%s is refused, and nothing is sent', async (_label, body, status, reason) => {
    const { mock, receiver, settle } = await setup((url) => ({
      unicode: true,
      urlResponse: `${url}/replies`,
    }));
    await sendRcs(mock);
    const answer = await tap(mock, body);
    expect(answer.status).toBe(status);
    expect((answer.json as { error: string }).error).toMatch(reason);
    await settle();
    expect(receiver.received).toEqual([]);
  });

  test('the fallback recipient of a given message, and a message not sent yet, are refused with 409', async () => {
    const { mock } = await setup({ unicode: true });
    const id = await sendRcs(mock);
    const fallback = await tap(mock, { from: '+33600010001', postbackData: 'slot_yes', messageId: id });
    expect([fallback.status, (fallback.json as { error: string }).error]).toEqual([
      409,
      `Message ${id} did not reach +33600010001 as RCS`,
    ]);
    const later = await sendRcs(mock, scheduleAt(T0 + 60 * 60_000));
    const early = await tap(mock, { postbackData: 'slot_yes', messageId: later });
    expect([early.status, (early.json as { error: string }).error]).toEqual([
      409,
      `Message ${later} has not been sent`,
    ]);
  });

  test("form fields with replyFormat: form, to the latest RCS message's suggestions", async () => {
    const { mock, receiver, settle } = await setup((url) => ({
      unicode: true,
      replyFormat: 'form',
      urlResponse: `${url}/replies`,
    }));
    await sendRcs(mock);
    const latest = await sendRcs(mock);
    expect((await tap(mock, { postbackData: 'slot_yes' })).status).toBe(201);
    await settle();
    expect(formFields(receiver.received[0])).toEqual({
      type: 'rcs_suggestion',
      phone_number: '+33612345678',
      text: 'Yes',
      postbackData: 'slot_yes',
      message_id: String(latest),
    });
  });
});

describe('GET /__mock/messages: each recipient with its state and history', () => {
  test('scheduled, sent, delivered, with the time of each change', async () => {
    const { mock, send } = await setup();
    await send({ phoneNumbers: '0600000000', ...scheduleAt(T0 + 3_600_000) });
    await advance(mock.url, 3_606_000);
    const view = (await get(mock.url, '/__mock/messages', { apiKey: KEY })).json as { messages: unknown[] };
    expect(view.messages[0]).toMatchObject({
      state: 'sent',
      recipients: [
        {
          phoneNumber: '+33600000000',
          state: 'Delivered',
          since: new Date(T0 + 3_606_000).toISOString(),
          stopListed: false,
          history: [
            { state: 'scheduled', at: new Date(T0).toISOString() },
            { state: 'Waiting', at: new Date(T0 + 3_600_000).toISOString() },
            { state: 'Delivered', at: new Date(T0 + 3_606_000).toISOString() },
          ],
        },
      ],
    });
  });

  test('deliveryDelayMs and deliveryRules decide per account', async () => {
    const { mock, send } = await setup({
      deliveryDelayMs: 60_000,
      deliveryRules: [{ prefix: '+3361', status: 'Not delivered', delayMs: 1_000 }],
      deliveryOutcome: 'Waiting',
    });
    await send({ phoneNumbers: '0612345678,0700000000' });
    await advance(mock.url, 60_000);
    const view = (await get(mock.url, '/__mock/messages', { apiKey: KEY })).json as {
      messages: { recipients: { state: string; since: string }[] }[];
    };
    expect(view.messages[0]?.recipients.map((recipient) => `${recipient.state} ${recipient.since}`)).toEqual([
      `Not delivered ${new Date(T0 + 1_000).toISOString()}`,
      `Waiting ${new Date(T0).toISOString()}`,
    ]);
  });

  test('GET /__mock/test-numbers lists them', async () => {
    const { mock } = await setup();
    expect((await get(mock.url, '/__mock/test-numbers')).json).toMatchObject({
      testNumbers: TEST_NUMBERS.map((entry) => ({ number: entry.number, outcome: entry.outcome })),
    });
  });
});

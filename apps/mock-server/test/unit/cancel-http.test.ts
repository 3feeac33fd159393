import { cancelSmsCodes, decodeXml } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { EMPTY, FUNDED, get, MINUTE, post, scheduleAt, T0, useMock } from '../helpers.ts';

const server = useMock();

/** Schedules a one-part SMS for the funded account, `minutesAhead` after the clock, and returns its id. */
async function schedule(minutesAhead: number, apiKey = FUNDED): Promise<number> {
  const answer = await post(server.url, '/v1/send', {
    apiKey,
    phoneNumbers: '0612345678',
    message: 'Rendez-vous demain',
    ...scheduleAt(server.store.clockFor(apiKey).now() + minutesAhead * MINUTE),
  });
  expect(answer.json).toMatchObject({ success: true, code: 200 });
  return (answer.json as { message_id: number }).message_id;
}

const cancel = (query: Record<string, string | number | undefined>) =>
  get(server.url, '/v1/message-cancel', query);

/**
 * Each recipe builds the situation through the HTTP API only (as a README
 * reader would) and returns the cancel query that reproduces the code.
 */
const recipes: [
  code: keyof typeof cancelSmsCodes,
  recipe: string,
  setup: () => Promise<Record<string, string | number | undefined>>,
][] = [
  [1, 'no apiKey', async () => ({ messageId: await schedule(60) })],
  [1, 'an empty apiKey', async () => ({ apiKey: '', messageId: await schedule(60) })],
  [3, 'no messageId', async () => ({ apiKey: FUNDED })],
  [3, 'an empty messageId', async () => ({ apiKey: FUNDED, messageId: '' })],
  [4, 'an id that was never issued', async () => ({ apiKey: FUNDED, messageId: 999_999 })],
  [4, 'an id that is not a number', async () => ({ apiKey: FUNDED, messageId: 'abc' })],
  [
    4,
    "another account's message",
    async () => {
      await post(server.url, '/__mock/accounts', { apiKey: 'other-key', credits: 10 });
      return { apiKey: 'other-key', messageId: await schedule(60) };
    },
  ],
  [
    5,
    'a message cancelled before',
    async () => {
      const messageId = await schedule(60);
      await cancel({ apiKey: FUNDED, messageId });
      return { apiKey: FUNDED, messageId };
    },
  ],
  [
    6,
    'a message due in 4 minutes',
    async () => {
      const messageId = await schedule(10);
      await post(server.url, '/__mock/clock', { advanceBy: 6 * MINUTE });
      return { apiKey: FUNDED, messageId };
    },
  ],
  [
    7,
    'a message already sent (its time has passed)',
    async () => {
      const messageId = await schedule(10);
      await post(server.url, '/__mock/clock', { advanceBy: 11 * MINUTE });
      return { apiKey: FUNDED, messageId };
    },
  ],
  [
    7,
    'an immediate send',
    async () => {
      const sent = await post(server.url, '/v1/send', {
        apiKey: FUNDED,
        phoneNumbers: '0612345678',
        message: 'now',
      });
      return { apiKey: FUNDED, messageId: (sent.json as { message_id: number }).message_id };
    },
  ],
  [10, 'an unknown apiKey', async () => ({ apiKey: 'not-a-key', messageId: await schedule(60) })],
  [11, 'an account with no credits', async () => ({ apiKey: EMPTY, messageId: 1000 })],
  [
    11,
    'an account whose credits went to zero after scheduling',
    async () => {
      await post(server.url, '/__mock/accounts', { apiKey: 'one-credit', credits: 1 });
      return { apiKey: 'one-credit', messageId: await schedule(60, 'one-credit') };
    },
  ],
];

describe('GET /v1/message-cancel: every documented code, on purpose', () => {
  test.each(recipes)('code %i: %s (JSON)', async (code, _recipe, setup) => {
    const answer = await cancel(await setup());
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.json).toEqual({ success: false, code, message: cancelSmsCodes[code].message });
  });

  test.each(recipes)('code %i: %s (XML)', async (code, _recipe, setup) => {
    const answer = await cancel({ ...(await setup()), _format: 'xml' });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/xml/);
    expect(answer.text).toBe(
      `<?xml version='1.0' encoding='UTF-8'?>\n<result>\n  <entry>false</entry>\n  <entry>${code}</entry>\n  <entry>${cancelSmsCodes[code].message}</entry>\n</result>\n`,
    );
    expect(decodeXml(answer.text)).toEqual([false, code, cancelSmsCodes[code].message]);
  });

  test('success (JSON): the seed body, the message cancelled, its credits given back once', async () => {
    const messageId = await schedule(60);
    expect(server.store.account(FUNDED)?.credits).toBe(999);
    const answer = await cancel({ apiKey: FUNDED, messageId });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ success: true, code: 200, message: 'The SMS sending has been canceled.' });
    expect(server.store.account(FUNDED)?.credits).toBe(1000);
    const again = await cancel({ apiKey: FUNDED, messageId });
    expect(again.json).toMatchObject({ code: 5 });
    expect(server.store.account(FUNDED)?.credits).toBe(1000);
    const listed = await get(server.url, '/__mock/messages', { apiKey: FUNDED });
    expect(listed.json).toMatchObject({ messages: [{ messageId, state: 'cancelled', refundedSms: 1 }] });
  });

  test('success (XML): the seed document, CDATA message', async () => {
    const messageId = await schedule(60);
    const answer = await cancel({ apiKey: FUNDED, messageId, _format: 'xml' });
    expect(answer.text).toBe(
      "<?xml version='1.0' encoding='UTF-8'?>\n<result>\n  <entry>true</entry>\n  <entry>200</entry>\n  <entry><![CDATA[The SMS sending has been canceled.]]></entry>\n</result>\n",
    );
  });

  test('a refund covers every part and every recipient', async () => {
    const sent = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678,+33698765432,+4915112345678',
      message: 'x'.repeat(161),
      ...scheduleAt(T0 + 60 * MINUTE),
    });
    expect(sent.json).toMatchObject({ nb_sms: 6, cost: 0.228 });
    expect(server.store.account(FUNDED)?.credits).toBe(994);
    await cancel({ apiKey: FUNDED, messageId: (sent.json as { message_id: number }).message_id });
    expect(server.store.account(FUNDED)?.credits).toBe(1000);
  });
});

describe('the five-minute boundary over HTTP', () => {
  test.each([
    ['4:59', 4 * MINUTE + 59_000, { success: false, code: 6, message: cancelSmsCodes[6].message }],
    ['exactly 5:00', 5 * MINUTE, { success: false, code: 6, message: cancelSmsCodes[6].message }],
    ['5:01', 5 * MINUTE + 1000, { success: true, code: 200, message: 'The SMS sending has been canceled.' }],
  ])('%s before the send time', async (_label, before, body) => {
    const messageId = await schedule(60);
    await post(server.url, '/__mock/clock', { now: new Date(T0 + 60 * MINUTE - before).toISOString() });
    const answer = await cancel({ apiKey: FUNDED, messageId });
    expect(answer.json).toEqual(body);
  });
});

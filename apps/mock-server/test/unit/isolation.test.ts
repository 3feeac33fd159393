import { describe, expect, test } from 'vitest';
import { FUNDED, get, MINUTE, post, scheduleAt, T0, useMock } from '../helpers.ts';

const server = useMock();
const ALICE = 'suite-alice-key';
const BOB = 'suite-bob-key';

async function setUp() {
  await post(server.url, '/__mock/accounts', { apiKey: ALICE, credits: 50 });
  await post(server.url, '/__mock/accounts', { apiKey: BOB, credits: 50 });
}

async function schedule(apiKey: string, minutesAhead: number) {
  const now = Date.parse(((await get(server.url, '/__mock/clock', { apiKey })).json as { now: string }).now);
  const answer = await post(server.url, '/v1/send', {
    apiKey,
    phoneNumbers: '0612345678',
    message: 'hello',
    ...scheduleAt(now + minutesAhead * MINUTE),
  });
  return (answer.json as { message_id: number }).message_id;
}

describe('two apiKeys never see each other', () => {
  test("messages, credits and the message list are per account; another account's id is code 4", async () => {
    await setUp();
    const aliceMessage = await schedule(ALICE, 60);
    await schedule(BOB, 60);
    await schedule(BOB, 90);
    expect((await get(server.url, '/__mock/messages', { apiKey: ALICE })).json).toMatchObject({
      messages: [{ messageId: aliceMessage }],
    });
    expect(
      ((await get(server.url, '/__mock/messages', { apiKey: BOB })).json as { messages: unknown[] }).messages,
    ).toHaveLength(2);
    const crossed = await get(server.url, '/v1/message-cancel', { apiKey: BOB, messageId: aliceMessage });
    expect(crossed.json).toEqual({ success: false, code: 4, message: 'Message not found' });
    expect((await get(server.url, '/__mock/accounts', { apiKey: ALICE })).json).toMatchObject({
      credits: 49,
      messages: 1,
    });
    expect((await get(server.url, '/__mock/accounts', { apiKey: BOB })).json).toMatchObject({
      credits: 48,
      messages: 2,
    });
  });

  test("moving one account's clock leaves the other's alone", async () => {
    await setUp();
    const aliceMessage = await schedule(ALICE, 30);
    const bobMessage = await schedule(BOB, 30);
    await post(server.url, '/__mock/clock', { apiKey: ALICE, advanceBy: 27 * MINUTE });
    expect((await get(server.url, '/__mock/clock', { apiKey: BOB })).json).toEqual({
      now: new Date(T0).toISOString(),
      frozen: true,
    });
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: ALICE, messageId: aliceMessage })).json,
    ).toMatchObject({ code: 6 });
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: BOB, messageId: bobMessage })).json,
    ).toMatchObject({ code: 200 });
  });

  test("resetting one account leaves the other's messages and clock", async () => {
    await setUp();
    await schedule(ALICE, 60);
    await schedule(BOB, 60);
    await post(server.url, '/__mock/clock', { apiKey: BOB, advanceBy: 10 * MINUTE });
    expect((await post(server.url, '/__mock/reset', { apiKey: ALICE })).json).toEqual({ reset: 'account' });
    // Alice was added at run time, so resetting her removes her: a further call is code 10.
    expect((await get(server.url, '/v1/message-cancel', { apiKey: ALICE, messageId: 1 })).json).toMatchObject(
      { code: 10 },
    );
    expect(
      ((await get(server.url, '/__mock/messages', { apiKey: BOB })).json as { messages: unknown[] }).messages,
    ).toHaveLength(1);
    expect((await get(server.url, '/__mock/clock', { apiKey: BOB })).json).toEqual({
      now: new Date(T0 + 10 * MINUTE).toISOString(),
      frozen: true,
    });
  });

  test('interleaved concurrent traffic from two keys keeps each ledger exact', async () => {
    await setUp();
    const sends = Array.from({ length: 40 }, (_, index) =>
      post(server.url, '/v1/send', {
        apiKey: index % 2 ? ALICE : BOB,
        phoneNumbers: '0612345678',
        message: `m${index}`,
      }),
    );
    const answers = await Promise.all(sends);
    expect(answers.every((answer) => (answer.json as { success: boolean }).success)).toBe(true);
    expect((await get(server.url, '/__mock/accounts', { apiKey: ALICE })).json).toMatchObject({
      credits: 30,
      messages: 20,
    });
    expect((await get(server.url, '/__mock/accounts', { apiKey: BOB })).json).toMatchObject({
      credits: 30,
      messages: 20,
    });
  });
});

describe('time travel never takes a sent message back', () => {
  test('a scheduled message passed by the clock stays sent when the clock goes back; later schedules are not affected', async () => {
    const sent = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678',
      message: 'x',
      ...scheduleAt(T0 + 10 * MINUTE),
    });
    const id = (sent.json as { message_id: number }).message_id;
    await post(server.url, '/__mock/clock', { advanceBy: 20 * MINUTE });
    await post(server.url, '/__mock/clock', { advanceBy: -20 * MINUTE });
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: FUNDED, messageId: id })).json,
    ).toMatchObject({ code: 7 });
    const later = await post(server.url, '/v1/send', {
      apiKey: FUNDED,
      phoneNumbers: '0612345678',
      message: 'x',
      ...scheduleAt(T0 + 15 * MINUTE),
    });
    const laterId = (later.json as { message_id: number }).message_id;
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: FUNDED, messageId: laterId })).json,
    ).toMatchObject({ code: 200 });
  });

  test('the same with an account clock', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: ALICE, credits: 5 });
    const id = await schedule(ALICE, 10);
    await post(server.url, '/__mock/clock', { apiKey: ALICE, advanceBy: 11 * MINUTE });
    await post(server.url, '/__mock/clock', { apiKey: ALICE, now: new Date(T0).toISOString() });
    expect(
      (await get(server.url, '/v1/message-cancel', { apiKey: ALICE, messageId: id })).json,
    ).toMatchObject({ code: 7 });
  });
});

/**
 * Invariants of the mock's ledger and message states after random sequences
 * of operations over HTTP: sends (immediate, scheduled, sandbox), cancels
 * (valid, invalid, duplicate ids), clock moves (both ways, small and across
 * five-minute boundaries), account resets and credit changes. Every answer is
 * checked against the README's rules (exact codes), and the state against the
 * mock's own message list after every operation.
 */
import { endpoints, formatAmount, toScheduleFields } from '@smspartner-kit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CANCEL_CUTOFF_MS, type MessageView } from '../../src/index.ts';
import {
  describeExchange,
  type Envelope,
  endpointRequest,
  expectAlive,
  expectEnvelope,
  type HttpAnswer,
  http,
  MINUTE,
  resetMock,
  runs,
  T0,
  useMockServer,
} from './helpers.ts';

const KEY = 'model-account-key';
const INITIAL_CREDITS = 30;
const server = useMockServer({ config: { accounts: [{ apiKey: KEY, credits: INITIAL_CREDITS }] } });

/** The account's clocks stay between 08:30 and 13:00 in Paris (T0 is 09:00), so no other rule interferes. */
const CLOCK_LOW = T0 - 30 * MINUTE;
const CLOCK_HIGH = T0 + 4 * 60 * MINUTE;
const STEP = 5 * MINUTE;

type Op =
  | { kind: 'send'; parts: 1 | 2 | 3; recipients: 1 | 2; sandbox: boolean; steps: number | null }
  | { kind: 'cancel'; pick: number }
  | { kind: 'cancel an invalid id'; id: string }
  | { kind: 'cancel the last id again' }
  | { kind: 'move the clock'; by: number; own: boolean }
  | { kind: 'reset the account' }
  | { kind: 'set the credits'; credits: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      parts: fc.constantFrom(1 as const, 2 as const, 3 as const),
      recipients: fc.constantFrom(1 as const, 2 as const),
      sandbox: fc.boolean(),
      // null: immediate; otherwise five-minute steps after the next step boundary (0 or less: not in the future).
      steps: fc.option(fc.oneof(fc.integer({ min: -1, max: 3 }), fc.integer({ min: -2, max: 24 })), {
        freq: 3,
      }),
    }),
  },
  // pick counts back from the latest id issued in the run (earlier accounts' ids included).
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat({ max: 6 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel an invalid id' as const),
      id: fc.constantFrom('', '999999', '0', '-1', 'abc', '1000.5', ' '),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'cancel the last id again' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('move the clock' as const),
      by: fc.oneof(
        fc.constantFrom(
          1,
          -1,
          MINUTE,
          -MINUTE,
          STEP,
          -STEP,
          STEP + 1,
          STEP - 1,
          -STEP - 1,
          2 * STEP,
          6 * STEP,
          -6 * STEP,
        ),
        fc.integer({ min: -90 * MINUTE, max: 90 * MINUTE }),
      ),
      own: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset the account' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('set the credits' as const),
      credits: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 })),
    }),
  },
);

interface Snapshot {
  credits: number;
  messages: MessageView[];
  now: number;
}

function snapshot(): Snapshot {
  const store = server.store;
  return {
    credits: store.account(KEY)?.credits ?? Number.NaN,
    messages: store.listMessages(KEY) ?? [],
    now: store.clockFor(KEY).now(),
  };
}

const MESSAGES = { 1: 'a'.repeat(10), 2: 'a'.repeat(200), 3: 'a'.repeat(400) } as const;
const NUMBERS = { 1: '0612345678', 2: '0612345678,0698765432' } as const;

/** What the README's cancel table answers, from the state before the request. */
function expectedCancelCode(id: string, before: Snapshot): number {
  if (id.trim() === '') return id === '' ? 3 : 4;
  if (!/^\s*\d+\s*$/.test(id)) return 4;
  if (before.credits <= 0) return 11;
  const message = before.messages.find((item) => item.messageId === Number(id));
  if (!message) return 4;
  if (message.state === 'cancelled') return 5;
  if (message.state === 'sent') return 7;
  if (Date.parse(message.sendAt) - before.now <= CANCEL_CUTOFF_MS) return 6;
  return 200;
}

interface Run {
  /** Credits at the last reset (the config's value), plus every change made through the admin API since. */
  initial: number;
  changes: number;
  issued: number[];
  lastCancelled: string | undefined;
  successfulCancels: Map<number, number>;
}

async function cancel(id: string, before: Snapshot, run: Run): Promise<void> {
  run.lastCancelled = id;
  const answer = await http(
    server.url,
    endpointRequest(endpoints.cancelSms, [
      ['apiKey', KEY],
      ['messageId', id],
    ]),
  );
  const expected = expectedCancelCode(id, before);
  expectEnvelope(answer, endpoints.cancelSms, { codes: [expected] });
  const after = snapshot();
  if (expected !== 200) {
    expect(after, `a refused cancel changed the account: ${describeExchange(answer)}`).toEqual(before);
    return;
  }
  const messageId = Number(id);
  run.successfulCancels.set(messageId, (run.successfulCancels.get(messageId) ?? 0) + 1);
  expect(run.successfulCancels.get(messageId), 'a message cancelled twice').toBe(1);
  const was = before.messages.find((item) => item.messageId === messageId) as MessageView;
  const is = after.messages.find((item) => item.messageId === messageId) as MessageView;
  // 200 only for a message still scheduled more than five minutes ahead.
  expect(was.state).toBe('scheduled');
  expect(Date.parse(was.sendAt) - before.now).toBeGreaterThan(CANCEL_CUTOFF_MS);
  expect(is.state).toBe('cancelled');
  expect(is.cancelledAt).toBe(new Date(before.now).toISOString());
  expect(after.credits - before.credits).toBe(was.sandbox ? 0 : was.nbSms);
}

async function send(input: Extract<Op, { kind: 'send' }>, before: Snapshot, run: Run): Promise<void> {
  let sendAt = before.now;
  let schedule: Record<string, unknown> = {};
  if (input.steps !== null) {
    sendAt = Math.ceil(before.now / STEP) * STEP + input.steps * STEP;
    const fields = toScheduleFields(sendAt);
    if (!fields.ok) throw new Error(`cannot schedule at ${new Date(sendAt).toISOString()}`);
    schedule = { ...fields.fields };
  }
  const body = {
    apiKey: KEY,
    phoneNumbers: NUMBERS[input.recipients],
    message: MESSAGES[input.parts],
    ...(input.sandbox ? { sandbox: 1 } : {}),
    ...schedule,
  };
  const nbSms = input.parts * input.recipients;
  const expected =
    input.steps !== null && sendAt <= before.now ? 9 : !input.sandbox && before.credits < nbSms ? 11 : 200;
  const answer: HttpAnswer = await http(server.url, endpointRequest(endpoints.sendSms, Object.entries(body)));
  const envelope = expectEnvelope(answer, endpoints.sendSms, { codes: [expected] }) as Envelope;
  const after = snapshot();
  if (expected !== 200) {
    expect(after, `a refused send changed the account: ${describeExchange(answer)}`).toEqual(before);
    return;
  }
  const messageId = (envelope.body as { message_id: number }).message_id;
  run.issued.push(messageId);
  expect(envelope.body).toMatchObject({ nb_sms: nbSms });
  expect(after.messages.slice(0, -1)).toEqual(before.messages);
  expect(after.messages.at(-1)).toMatchObject({
    messageId,
    nbSms,
    sandbox: input.sandbox,
    scheduled: input.steps !== null,
    sendAt: new Date(sendAt).toISOString(),
    cancelledAt: null,
    refundedSms: 0,
  });
  expect(before.credits - after.credits).toBe(input.sandbox ? 0 : nbSms);
}

async function moveClock(input: Extract<Op, { kind: 'move the clock' }>): Promise<void> {
  const store = server.store;
  // The account's own clock, once it has one, starts from the store's time: read it without creating it.
  const moved = (input.own ? store.account(KEY)?.clock : undefined) ?? store.clock;
  const target = Math.min(CLOCK_HIGH, Math.max(CLOCK_LOW, moved.now() + input.by));
  const answer = await http(server.url, {
    method: 'POST',
    path: '/__mock/clock',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceBy: target - moved.now(), ...(input.own ? { apiKey: KEY } : {}) }),
  });
  expect(answer.status, describeExchange(answer)).toBe(200);
  expect(JSON.parse(answer.text)).toEqual({ now: new Date(target).toISOString(), frozen: true });
}

/** The invariants that hold after every operation, comparing with the state before it. */
function checkInvariants(before: Snapshot, after: Snapshot, run: Run, context: string): void {
  const where = `after ${context}`;
  expect(after.credits, `credits went negative ${where}`).toBeGreaterThanOrEqual(0);
  let debits = 0;
  let refunds = 0;
  const earlier = new Map(before.messages.map((message) => [message.messageId, message]));
  const clockWentBack = after.now < before.now;
  for (const message of after.messages) {
    const label = `message ${message.messageId} ${where}: ${JSON.stringify(message)}`;
    if (!message.sandbox) debits += message.nbSms;
    refunds += message.refundedSms;
    const cancelled = message.cancelledAt !== null;
    expect(message.state === 'cancelled', label).toBe(cancelled);
    // Refunded once, in full, and only a cancelled non-sandbox message.
    expect(message.refundedSms, label).toBe(cancelled && !message.sandbox ? message.nbSms : 0);
    // Never both sent and cancelled: a cancel happens before the send time.
    if (cancelled)
      expect(Date.parse(message.cancelledAt as string), label).toBeLessThan(Date.parse(message.sendAt));
    const previous = earlier.get(message.messageId);
    if (!previous) continue;
    const fixed = (view: MessageView) => ({
      ...view,
      state: undefined,
      cancelledAt: undefined,
      refundedSms: undefined,
      recipients: view.recipients.map((recipient) => recipient.phoneNumber),
    });
    expect(fixed(message), label).toEqual(fixed(previous));
    // Delivery states only move on, whatever the clock does: the history before is a prefix of the history
    // after (time travel never takes a send or a delivery back), and a final state stays.
    message.recipients.forEach((recipient, index) => {
      const before = previous.recipients[index];
      if (!before) return;
      expect(recipient.history.slice(0, before.history.length), label).toEqual(before.history);
      if (['Delivered', 'Not delivered', 'cancelled'].includes(before.state))
        expect(recipient.state, label).toBe(before.state);
    });
    if (previous.cancelledAt !== null) {
      expect(message.cancelledAt, `a cancelled message changed ${label}`).toBe(previous.cancelledAt);
      expect(message.refundedSms, label).toBe(previous.refundedSms);
    }
    if (previous.state === 'cancelled') expect(message.state, label).toBe('cancelled');
    if (previous.state === 'sent' && !clockWentBack) expect(message.state, label).toBe('sent');
  }
  expect(after.credits, `ledger ${where}`).toBe(run.initial + run.changes - debits + refunds);
}

describe('random sequences of operations keep the ledger and the message states consistent', () => {
  test('credits stay ≥ 0 and equal initial + changes − debits + refunds; each message is cancelled and refunded at most once, never after its send time; 200 only more than 5 minutes ahead', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 50, size: 'medium' }), async (ops) => {
        resetMock(server.mock);
        const run: Run = {
          initial: INITIAL_CREDITS,
          changes: 0,
          issued: [],
          lastCancelled: undefined,
          successfulCancels: new Map(),
        };
        for (const [index, step] of ops.entries()) {
          const before = snapshot();
          switch (step.kind) {
            case 'send':
              await send(step, before, run);
              break;
            case 'cancel': {
              const { issued } = run;
              const id =
                issued.length === 0
                  ? 999_999
                  : (issued[issued.length - 1 - (step.pick % issued.length)] as number);
              await cancel(String(id), before, run);
              break;
            }
            case 'cancel an invalid id':
              await cancel(step.id, before, run);
              break;
            case 'cancel the last id again':
              await cancel(run.lastCancelled ?? '1000', before, run);
              break;
            case 'move the clock':
              await moveClock(step);
              break;
            case 'reset the account': {
              const answer = await http(server.url, {
                method: 'POST',
                path: '/__mock/reset',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ apiKey: KEY }),
              });
              expect(JSON.parse(answer.text)).toEqual({ reset: 'account' });
              run.initial = INITIAL_CREDITS;
              run.changes = 0;
              expect(snapshot()).toMatchObject({ credits: INITIAL_CREDITS, messages: [] });
              break;
            }
            case 'set the credits': {
              const answer = await http(server.url, {
                method: 'POST',
                path: '/__mock/accounts',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ apiKey: KEY, credits: step.credits }),
              });
              expect(JSON.parse(answer.text)).toEqual({
                created: false,
                credits: step.credits,
                balance: formatAmount(step.credits * 38_000, 6),
              });
              run.changes += step.credits - before.credits;
              break;
            }
          }
          checkInvariants(before, snapshot(), run, `operation ${index} (${JSON.stringify(step)})`);
        }
        // The admin API shows the same state as the store.
        const final = snapshot();
        const messages = await http(server.url, { method: 'GET', path: `/__mock/messages?apiKey=${KEY}` });
        expect(JSON.parse(messages.text)).toMatchObject({ messages: final.messages, nextCursor: null });
        const account = await http(server.url, { method: 'GET', path: `/__mock/accounts?apiKey=${KEY}` });
        expect(JSON.parse(account.text)).toMatchObject({
          credits: final.credits,
          messages: final.messages.length,
        });
      }),
      runs(100),
    );
    await expectAlive(server);
  });
});

describe('time travel', () => {
  test('a scheduled message whose time has come answers 7, and stays sent while the clock moves forward', async () => {
    resetMock(server.mock);
    const schedule = toScheduleFields(T0 + 30 * MINUTE);
    if (!schedule.ok) throw new Error('T0 + 30 min is on a five-minute step');
    const sent = await http(
      server.url,
      endpointRequest(
        endpoints.sendSms,
        Object.entries({ apiKey: KEY, phoneNumbers: '0612345678', message: 'x', ...schedule.fields }),
      ),
    );
    const { message_id: id } = JSON.parse(sent.text) as { message_id: number };
    for (const by of [30 * MINUTE, 1, 24 * 60 * MINUTE]) {
      server.store.clock.advanceBy(by);
      const answer = await http(
        server.url,
        endpointRequest(endpoints.cancelSms, [
          ['apiKey', KEY],
          ['messageId', id],
        ]),
      );
      expectEnvelope(answer, endpoints.cancelSms, { codes: [7] });
      expect(server.store.listMessages(KEY)?.[0]).toMatchObject({ state: 'sent', refundedSms: 0 });
    }
    expect(server.store.account(KEY)?.credits).toBe(INITIAL_CREDITS - 1);
  });

  // Regression (rules/message-state.ts, messageState; rules/cancel.ts, decideCancel): the state of an
  // immediate send is computed from the clock alone, so once the clock goes back before its creation
  // it shows as "scheduled", can be cancelled (200) and is refunded although it went out. The README
  // says cancelling an immediate send answers 7. Fix: an unscheduled message is always "sent".
  test('an immediate send answers 7 to a cancel even after the clock moves back before it was sent', async () => {
    resetMock(server.mock);
    const sent = await http(
      server.url,
      endpointRequest(
        endpoints.sendSms,
        Object.entries({ apiKey: KEY, phoneNumbers: '0612345678', message: 'x' }),
      ),
    );
    const { message_id: id } = JSON.parse(sent.text) as { message_id: number };
    server.store.clock.advanceBy(-60 * MINUTE);
    const answer = await http(
      server.url,
      endpointRequest(endpoints.cancelSms, [
        ['apiKey', KEY],
        ['messageId', id],
      ]),
    );
    expectEnvelope(answer, endpoints.cancelSms, { codes: [7] });
    expect(server.store.listMessages(KEY)?.[0]).toMatchObject({ state: 'sent', refundedSms: 0 });
    expect(server.store.account(KEY)?.credits).toBe(INITIAL_CREDITS - 1);
  });
});

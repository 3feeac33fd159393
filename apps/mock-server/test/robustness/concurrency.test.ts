/**
 * Concurrent requests over real HTTP: the ledger must come out as if the
 * requests had been served one at a time, whatever order they arrive in.
 */
import { type AnyEndpoint, endpoints, toScheduleFields } from '@smspartner-kit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type Envelope,
  endpointRequest,
  expectAlive,
  expectEnvelope,
  type HttpRequest,
  http,
  MINUTE,
  resetMock,
  runs,
  T0,
  useMockServer,
} from './helpers.ts';

const server = useMockServer();
const KEY = 'concurrency-key';

function sendRequest(extra: Record<string, unknown> = {}) {
  return endpointRequest(
    endpoints.sendSms,
    Object.entries({ apiKey: KEY, phoneNumbers: '0612345678', message: 'hello', ...extra }),
  );
}

function cancelRequest(messageId: number, format?: 'xml') {
  return endpointRequest(endpoints.cancelSms, [
    ['apiKey', KEY],
    ['messageId', messageId],
    ...(format ? [['_format', format] as const] : []),
  ]);
}

async function schedule(minutesAhead: number): Promise<number> {
  const fields = toScheduleFields(server.store.clockFor(KEY).now() + minutesAhead * MINUTE);
  if (!fields.ok) throw new Error('not on a five-minute step');
  const answer = await http(server.url, sendRequest({ ...fields.fields }));
  const envelope = expectEnvelope(answer, endpoints.sendSms, { codes: [200] }) as Envelope;
  return (envelope.body as { message_id: number }).message_id;
}

/** Sends every request at once; checks each answer is an envelope, and the credits after each answer. */
async function burst(requests: HttpRequest[], endpoint: AnyEndpoint) {
  const lowest = { credits: Number.POSITIVE_INFINITY };
  const envelopes = await Promise.all(
    requests.map(async (request) => {
      const answer = await http(server.url, request);
      lowest.credits = Math.min(lowest.credits, server.store.account(KEY)?.credits ?? Number.NaN);
      return expectEnvelope(answer, endpoint) as Envelope;
    }),
  );
  return { codes: envelopes.map((envelope) => envelope.code), envelopes, lowestCredits: lowest.credits };
}

describe('concurrent requests over HTTP', () => {
  test('200 concurrent cancels of one scheduled message: exactly one 200, 199 code 5, credits refunded once', async () => {
    resetMock(server.mock);
    server.store.upsertAccount(KEY, 10);
    const messageId = await schedule(60);
    expect(server.store.account(KEY)?.credits).toBe(9);
    const requests = Array.from({ length: 200 }, (_, index) =>
      cancelRequest(messageId, index % 2 ? 'xml' : undefined),
    );
    const { codes } = await burst(requests, endpoints.cancelSms);
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    expect(codes.filter((code) => code === 5)).toHaveLength(199);
    expect(server.store.account(KEY)?.credits).toBe(10);
    expect(server.store.listMessages(KEY)).toMatchObject([{ messageId, state: 'cancelled', refundedSms: 1 }]);
    await expectAlive(server);
  });

  test('100 concurrent one-part sends with credit for 37: exactly 37 succeed, 63 get code 11, credits end at 0 and never go negative', async () => {
    resetMock(server.mock);
    server.store.upsertAccount(KEY, 37);
    const { codes, envelopes, lowestCredits } = await burst(
      Array.from({ length: 100 }, () => sendRequest()),
      endpoints.sendSms,
    );
    expect(codes.filter((code) => code === 200)).toHaveLength(37);
    expect(codes.filter((code) => code === 11)).toHaveLength(63);
    expect(lowestCredits).toBe(0);
    expect(server.store.account(KEY)?.credits).toBe(0);
    const messages = server.store.listMessages(KEY) ?? [];
    expect(messages).toHaveLength(37);
    const ids = envelopes
      .filter((envelope) => envelope.success)
      .map((envelope) => (envelope.body as { message_id: number }).message_id);
    expect(new Set(ids).size).toBe(37);
    expect(messages.map((message) => message.messageId).sort()).toEqual([...ids].sort());
    expect(
      JSON.parse((await http(server.url, { method: 'GET', path: `/__mock/accounts?apiKey=${KEY}` })).text),
    ).toMatchObject({ credits: 0, messages: 37 });
    await expectAlive(server);
  });

  test('random bursts of concurrent sends and duplicate cancels keep the ledger exact and refund each message once', async () => {
    const input = fc.record({
      credits: fc.integer({ min: 0, max: 30 }),
      scheduled: fc.integer({ min: 1, max: 6 }),
      burst: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('send' as const), sandbox: fc.boolean() }),
          fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
        ),
        { minLength: 1, maxLength: 60 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ credits, scheduled, burst: operations }) => {
        resetMock(server.mock);
        server.store.clock.set(T0);
        server.store.upsertAccount(KEY, credits + scheduled);
        const ids: number[] = [];
        for (let index = 0; index < scheduled; index++) ids.push(await schedule(30 + 5 * index));
        const requests = operations.map((operation) =>
          operation.kind === 'send'
            ? sendRequest(operation.sandbox ? { sandbox: 1 } : {})
            : cancelRequest(ids[operation.pick % ids.length] as number),
        );
        const answers = await Promise.all(
          requests.map(async (request) => {
            const answer = await http(server.url, request);
            expect(server.store.account(KEY)?.credits).toBeGreaterThanOrEqual(0);
            return answer;
          }),
        );
        const cancelled = new Map<string, number>();
        for (const [index, answer] of answers.entries()) {
          const endpoint = operations[index]?.kind === 'send' ? endpoints.sendSms : endpoints.cancelSms;
          const envelope = expectEnvelope(answer, endpoint, {
            codes: operations[index]?.kind === 'send' ? [200, 11] : [200, 5, 11],
          }) as Envelope;
          if (operations[index]?.kind === 'cancel' && envelope.code === 200)
            cancelled.set(answer.request.path, (cancelled.get(answer.request.path) ?? 0) + 1);
        }
        for (const count of cancelled.values()) expect(count).toBe(1);
        const messages = server.store.listMessages(KEY) ?? [];
        const debits = messages
          .filter((message) => !message.sandbox)
          .reduce((sum, message) => sum + message.nbSms, 0);
        const refunds = messages.reduce((sum, message) => sum + message.refundedSms, 0);
        expect(server.store.account(KEY)?.credits).toBe(credits + scheduled - debits + refunds);
        expect(messages.filter((message) => message.state === 'cancelled')).toHaveLength(cancelled.size);
      }),
      runs(25),
    );
    await expectAlive(server);
  });
});

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningMock, startMockServer } from '../../src/index.ts';
import { states } from './states.ts';

/** The account the consumer's provider states name (packages/client/test/contract/pact.ts). */
const PACT_KEY = 'pact-test-key';

const CONTRACTS = fileURLToPath(new URL('../../../../contracts/', import.meta.url));
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMockServer({ checkResponses: true });
});
afterAll(async () => {
  await mock.close();
});

test('the mock server honours every contract the client wrote', async () => {
  const pactUrls = readdirSync(CONTRACTS)
    .filter((name) => name.endsWith('.json'))
    .map((name) => `${CONTRACTS}${name}`);
  expect(pactUrls.length).toBeGreaterThan(0);

  const stateHandlers = Object.fromEntries(
    Object.entries(states).map(([name, seed]) => [
      name,
      {
        setup: async (params?: unknown) => {
          const seeded = seed(mock, (params ?? {}) as Record<string, unknown>);
          return seeded as Record<string, string | number> | undefined;
        },
      },
    ]),
  );

  // The webhook messages: the payload the mock's own lifecycle queued once the state was seeded.
  const latest = (pick?: (payload: Record<string, unknown>) => boolean) => async () => {
    const account = mock.store.account(PACT_KEY);
    if (!account) throw new Error('the provider state created no account');
    const { webhooks } = mock.store.webhooks.list(account, { limit: 100 });
    const record = webhooks.find((item) => pick?.(item.payload as Record<string, unknown>) ?? true);
    if (!record) throw new Error('the provider state queued no webhook');
    return record.payload;
  };
  const messageProviders = {
    'a delivery receipt for a delivered recipient': latest(),
    'a reply to a campaign on a short number': latest(),
    'a STOP on a short number': latest(),
    'the first part of a long reply on a long number': latest((payload) => payload['concat-part'] === '1'),
  };

  await new Verifier({
    provider: 'smspartner-api',
    providerBaseUrl: mock.url,
    pactUrls,
    stateHandlers,
    messageProviders,
    // Reset, then seed: no interaction inherits another's state.
    beforeEach: async () => {
      mock.store.reset();
    },
    logLevel: 'warn',
  }).verifyProvider();
});

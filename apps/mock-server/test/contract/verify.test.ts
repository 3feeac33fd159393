import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningMock, startMockServer } from '../../src/index.ts';
import { states } from './states.ts';

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

  await new Verifier({
    provider: 'smspartner-api',
    providerBaseUrl: mock.url,
    pactUrls,
    stateHandlers,
    // Reset, then seed: no interaction inherits another's state.
    beforeEach: async () => {
      mock.store.reset();
    },
    logLevel: 'warn',
  }).verifyProvider();
});

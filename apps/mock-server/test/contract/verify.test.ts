import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningMock, startMockServer } from '../../src/index.ts';
import { states } from './states.ts';

const CONTRACTS = fileURLToPath(new URL('../../../../contracts/', import.meta.url));
let mock: RunningMock;

/**
 * With a Pact Broker (`pnpm release` sets PACT_PUBLISH_VERIFICATION=1, GIT_COMMIT and
 * GIT_BRANCH when PACT_BROKER_BASE_URL is set): verify the pacts published for this
 * branch (and main's, and what is released) instead of the files, and publish the
 * results as this commit of the provider. Otherwise the committed files, nothing published.
 */
function source(env = process.env) {
  if (env.PACT_PUBLISH_VERIFICATION !== '1' || !env.PACT_BROKER_BASE_URL) return undefined;
  const version = env.GIT_COMMIT;
  const branch = env.GIT_BRANCH;
  if (!version || !branch) throw new Error('publishing verification results needs GIT_COMMIT and GIT_BRANCH');
  return {
    pactBrokerUrl: env.PACT_BROKER_BASE_URL,
    ...(env.PACT_BROKER_TOKEN ? { pactBrokerToken: env.PACT_BROKER_TOKEN } : {}),
    ...(env.PACT_BROKER_USERNAME ? { pactBrokerUsername: env.PACT_BROKER_USERNAME } : {}),
    ...(env.PACT_BROKER_PASSWORD ? { pactBrokerPassword: env.PACT_BROKER_PASSWORD } : {}),
    consumerVersionSelectors: [{ branch }, { mainBranch: true }, { deployedOrReleased: true }],
    publishVerificationResult: true,
    providerVersion: version,
    providerVersionBranch: branch,
  };
}

beforeAll(async () => {
  mock = await startMockServer({ checkResponses: true });
});
afterAll(async () => {
  await mock.close();
});

test('the mock server honours every contract the client wrote', async () => {
  const broker = source();
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
    ...(broker ?? { pactUrls }),
    stateHandlers,
    // Reset, then seed: no interaction inherits another's state.
    beforeEach: async () => {
      mock.store.reset();
    },
    logLevel: 'warn',
  }).verifyProvider();
});

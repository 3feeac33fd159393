import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Verifier } from '@pact-foundation/pact';
import { type EndpointName, endpoints, type ProviderStateName, webhookStates } from '@smspartner-kit/schema';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningMock, startMockServer } from '../../src/index.ts';
import { recipeOf } from '../catalogue/index.ts';
import { RECIPE_STATE } from '../catalogue/recipe.ts';
import { prepareRecipe } from '../catalogue/run.ts';
import { T0 } from '../helpers.ts';
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

const pactUrls = readdirSync(CONTRACTS)
  .filter((name) => name.endsWith('.json'))
  .map((name) => `${CONTRACTS}${name}`);

/** Every provider state the registry declares, each entry's `states` in turn, and the webhook contracts' states. */
const declaredStates = [
  ...new Set([...Object.values(endpoints).flatMap((entry) => entry.states), ...webhookStates]),
];

test("every state a pact names is one its endpoint's registry entry declares", () => {
  expect(pactUrls.length).toBeGreaterThan(0);
  const undeclared: string[] = [];
  for (const url of pactUrls) {
    const pact = JSON.parse(readFileSync(url, 'utf8')) as {
      interactions: {
        description: string;
        request?: { method: string; path: string };
        providerStates?: { name: string }[];
      }[];
    };
    for (const { description, request, providerStates = [] } of pact.interactions) {
      if (!request) {
        // An asynchronous message (a webhook): its states are the webhook contracts' own.
        for (const { name } of providerStates) {
          if (!(webhookStates as readonly string[]).includes(name))
            undeclared.push(`${description}: "${name}"`);
        }
        continue;
      }
      const entry = Object.values(endpoints).find(
        (candidate) => candidate.method === request.method && candidate.path === request.path,
      );
      // Any entry's interactions may name the recipe state (every-code.pact.test.ts).
      const declared: readonly string[] = [...(entry?.states ?? []), RECIPE_STATE];
      for (const { name } of providerStates) {
        if (!declared.includes(name))
          undeclared.push(`${description}: ${request.method} ${request.path} "${name}"`);
      }
    }
  }
  expect(undeclared).toEqual([]);
});

test('the mock server honours every contract the client wrote', async () => {
  const broker = source();
  // The handlers' names are the registry's declared states; `states` has a seeder for each (its type says so).
  const stateHandlers = Object.fromEntries(
    declaredStates.map((name: ProviderStateName) => [
      name,
      {
        setup: async (params?: unknown) => {
          const seeded = states[name](mock, (params ?? {}) as Record<string, unknown>);
          return seeded as Record<string, string | number> | undefined;
        },
      },
    ]),
  );

  // One recipe of the catalogue: its account under the pact's key, on the catalogue test's clock, and
  // its steps; what they resolved with (ids, tokens) goes to the request's provider-state values.
  stateHandlers[RECIPE_STATE] = {
    setup: async (params?: unknown) => {
      const { endpoint, code, apiKey } = (params ?? {}) as {
        endpoint: EndpointName;
        code: number;
        apiKey: string;
      };
      const recipe = recipeOf(endpoint, code);
      if (!recipe) throw new Error(`no recipe for ${endpoint} code ${code}`);
      mock.store.clock.set(T0);
      const { prepared } = await prepareRecipe(mock.url, recipe, apiKey);
      const fields = typeof prepared === 'object' && prepared !== null ? Object.entries(prepared) : [];
      return Object.fromEntries(
        fields.filter(([, value]) => typeof value === 'string' || typeof value === 'number'),
      ) as Record<string, string | number>;
    },
  };

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
    'an HLR result for a verified number': latest(),
    'the first part of a long reply on a long number': latest((payload) => payload['concat-part'] === '1'),
  };

  await new Verifier({
    provider: 'smspartner-api',
    providerBaseUrl: mock.url,
    ...(broker ?? { pactUrls }),
    stateHandlers,
    messageProviders,
    // Reset, then seed: no interaction inherits another's state.
    beforeEach: async () => {
      mock.store.reset();
    },
    logLevel: 'warn',
  }).verifyProvider();
});

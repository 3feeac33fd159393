import { type EndpointName, endpoints, routes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { recipes } from '../../../../apps/mock-server/test/catalogue/index.ts';
import {
  expectedAnswer,
  expectedStatus,
  RECIPE_STATE,
  type Recipe,
  type RecipeContext,
} from '../../../../apps/mock-server/test/catalogue/recipe.ts';
import { createTransport } from '../../src/index.ts';
import { byType } from './endpoint-contract.ts';
import { createPact, fromProviderState, JSON_TYPE, PACT_KEY, regex } from './pact.ts';

/**
 * Every documented code of every endpoint, as a contract: one interaction per
 * recipe of the mock's catalogue (`apps/mock-server/test/catalogue/`, the
 * documented cause of each code, which the catalogue test runs over HTTP).
 * The interaction's provider state is {@link RECIPE_STATE} for that endpoint
 * and code: the verification sets it up with the recipe's own account and
 * steps, so the cause is written once and both sides read it. The client
 * must reject each failure with an `SmsPartnerApiError` of that code (its
 * message free of the key) and resolve each success-shaped answer (Add
 * Group's `code: 2`, a multi-status item `Number not found`) to its parsed body.
 *
 * Requests go through the client's transport with raw wire parameters, as a
 * caller of `createTransport` could, since the client's methods never leave
 * out a required field. Left out, with the reason: recipes whose request is
 * not JSON (code 90, malformed JSON), which the client cannot send.
 */
const pact = createPact();

const refuse = () => {
  throw new Error('a recipe request is built from its context and prepared values only');
};
const CONTEXT: RecipeContext = { url: '', apiKey: PACT_KEY, admin: refuse, call: refuse };

/**
 * What a recipe's `before` resolved with, field by field: on the wire a
 * provider-state value (the provider returns what the steps created), and
 * `prepared-<field>` in the consumer's own request.
 */
function standIn(asMatcher: boolean): unknown {
  return new Proxy(
    {},
    {
      get: (_target, field) =>
        typeof field !== 'string' || field === 'then'
          ? undefined
          : asMatcher
            ? fromProviderState(`\${${field}}`, `prepared-${field}`)
            : `prepared-${field}`,
    },
  );
}

type Wire = Record<string, unknown>;

const cases = (Object.keys(endpoints) as EndpointName[]).flatMap((name) =>
  Object.entries((recipes[name] ?? {}) as Readonly<Record<number, Recipe>>).flatMap(([code, recipe]) =>
    'raw' in recipe.request(CONTEXT, standIn(false))
      ? []
      : [[name, Number(code), recipe.cause, recipe] as const],
  ),
);

describe('every code of every endpoint, from its recipe', () => {
  test('each endpoint of the registry has its codes here', () => {
    const missing = (Object.keys(endpoints) as EndpointName[]).filter(
      (name) => !cases.some(([other]) => other === name),
    );
    expect(missing).toEqual([]);
  });

  test.each(cases)('%s code %i: %s', async (name, code, cause, recipe) => {
    const route = routes[name];
    const onWire = recipe.request(CONTEXT, standIn(true)) as Wire;
    const { apiKey, ...params } = recipe.request(CONTEXT, standIn(false)) as Wire;
    const answer = expectedAnswer(name, code, recipe);
    const status = expectedStatus(name, code, recipe);
    await pact
      .addInteraction()
      .given(RECIPE_STATE, { endpoint: name, code, apiKey: PACT_KEY } as unknown as Record<string, string>)
      .uponReceiving(`${name}: code ${code}, ${cause}`)
      .withRequest(route.method, route.path, (request) => {
        if (route.method !== 'GET') {
          request.jsonBody(onWire);
          return;
        }
        // Query values travel as strings; provider-state matchers as they are.
        const query = Object.entries(onWire).map(([key, value]) => [
          key,
          typeof value === 'object' && value !== null ? value : String(value),
        ]);
        request.query(Object.fromEntries(query) as Record<string, string>);
      })
      .willRespondWith(status, (response) =>
        response
          .headers(status === 429 ? { ...JSON_TYPE, 'Retry-After': regex('^\\d+$', '60') } : JSON_TYPE)
          .jsonBody(byType(answer) as Record<string, unknown>),
      )
      .executeTest(async (server) => {
        const transport = createTransport({
          baseUrl: server.url,
          retry: 0,
          ...(typeof apiKey === 'string' ? { apiKey } : {}),
        });
        const called = transport.call(route as never, params as never);
        if (answer.success === false) {
          await expect(called).rejects.toMatchObject({
            name: 'SmsPartnerApiError',
            code,
            message: expect.not.stringContaining(PACT_KEY),
          });
        } else {
          await expect(called).resolves.toEqual(route.response.parse(answer));
        }
      });
  });
});

import {
  type AnyEndpoint,
  codesOf,
  decodeXml,
  type EndpointName,
  encodeXml,
  endpoints,
  HLR_ERRORS,
} from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { hlrTestNumber } from '../../src/rules/hlr.ts';
import { ERROR_CODE_FAMILIES, EXCLUDED, type Exclusion, HLR_ERROR_FAMILY } from '../catalogue/error-codes.ts';
import { recipeOf, recipes } from '../catalogue/index.ts';
import {
  documentsXml,
  expectedAnswer,
  expectedStatus,
  RECIPE_KEY,
  type Recipe,
} from '../catalogue/recipe.ts';
import { runRecipe } from '../catalogue/run.ts';
import { get, post, useMock } from '../helpers.ts';

/**
 * Every SMS error code, reproduced or declared. Nothing here names an
 * endpoint: the registry's catalogues, error-codes.md's families and the
 * recipes are walked generically, so an endpoint registered later is held to
 * the same rule at once (its codes need recipes, or reviewed exclusions).
 */
const server = useMock();
const registry = Object.entries(endpoints) as [EndpointName, AnyEndpoint][];

const byEndpoint = (name: EndpointName, code: number) =>
  EXCLUDED.find((entry): entry is Extract<Exclusion, { endpoint: string }> =>
    'endpoint' in entry ? entry.endpoint === name && entry.code === code : false,
  );

describe('every code of every registry entry: a recipe that provokes it, or a reviewed exclusion', () => {
  test.each(registry)('%s: each code has exactly one of the two', (name, endpoint) => {
    const problems = codesOf(endpoint.codes).flatMap((code) => {
      const recipe = recipeOf(name, code);
      const excluded = byEndpoint(name, code);
      if (recipe && excluded) return [`${code}: both a recipe and an exclusion`];
      return recipe || excluded ? [] : [`${code}: neither a recipe nor an exclusion`];
    });
    expect(problems).toEqual([]);
  });

  test('every recipe is for a code of its endpoint, every endpoint exclusion for a code it has', () => {
    const stale: string[] = [];
    for (const [name, byCode] of Object.entries(recipes) as [EndpointName, Record<number, Recipe>][]) {
      for (const code of Object.keys(byCode).map(Number))
        if (!(code in endpoints[name].codes)) stale.push(`recipe ${name} ${code}`);
    }
    for (const entry of EXCLUDED) {
      if ('endpoint' in entry && !(entry.code in endpoints[entry.endpoint].codes))
        stale.push(`exclusion ${entry.endpoint} ${entry.code}`);
    }
    expect(stale).toEqual([]);
  });

  const cases = registry.flatMap(([name]) =>
    Object.entries((recipes[name] ?? {}) as Record<number, Recipe>).map(
      ([code, recipe]) => [name, Number(code), recipe.cause, recipe] as const,
    ),
  );

  test.each(cases)('%s code %i (%s): exact answer and status in JSON', async (name, code, _cause, recipe) => {
    const answer = await runRecipe(server.url, name, recipe);
    expect(answer.json).toEqual(expectedAnswer(name, code, recipe));
    expect(answer.status).toBe(expectedStatus(name, code, recipe));
  });

  test.each(cases.filter(([name]) => documentsXml(endpoints[name] as AnyEndpoint)))(
    '%s code %i (%s): the same answer in XML, where the endpoint documents _format',
    async (name, code, _cause, recipe) => {
      const answer = await runRecipe(server.url, name, recipe, 'xml');
      expect(answer.contentType).toMatch(/^application\/xml/);
      expect(answer.status).toBe(expectedStatus(name, code, recipe));
      const expected = encodeXml(expectedAnswer(name, code, recipe), {
        namedKeys: (endpoints[name] as AnyEndpoint).xmlNamedKeys ?? [],
        omit: (endpoints[name] as AnyEndpoint).xmlOmit ?? [],
      });
      expect(decodeXml(answer.text)).toEqual(decodeXml(expected));
    },
  );
});

describe("error-codes.md's SMS families: every code in a catalogue of the family's endpoints, or excluded", () => {
  const familyExclusion = (family: string, code: number | string) =>
    EXCLUDED.find(
      (entry) => 'family' in entry && entry.family === family && (entry.code === code || entry.code === '*'),
    );
  const registeredOn = (paths: readonly string[]) =>
    registry.filter(([, endpoint]) =>
      [endpoint.path, ...(endpoint.alsoAnswers?.paths ?? [])].some((path) => paths.includes(path)),
    );

  test.each(ERROR_CODE_FAMILIES)('$id', (family) => {
    const members = registeredOn(family.paths);
    const problems = family.codes.flatMap((code) => {
      const inCatalogue = typeof code === 'number' && members.some(([, endpoint]) => code in endpoint.codes);
      const excluded = familyExclusion(family.id, code);
      if (inCatalogue && excluded)
        return [
          `${code}: now in a catalogue of ${members.map(([name]) => name).join(', ')}; remove its exclusion`,
        ];
      return inCatalogue || excluded
        ? []
        : [`${code}: in no catalogue of the family's endpoints, and not excluded`];
    });
    expect(problems).toEqual([]);
  });

  test('a family excluded as a whole has none of its endpoints registered yet', () => {
    const stale = EXCLUDED.flatMap((entry) => {
      if (!('family' in entry) || entry.code !== '*') return [];
      const family = ERROR_CODE_FAMILIES.find((candidate) => candidate.id === entry.family);
      return family && registeredOn(family.paths).length > 0 ? [entry.family] : [];
    });
    expect(stale, 'their endpoints are registered now: give their codes recipes').toEqual([]);
  });

  test("§10: the HLR error table of the schema is the page's, one name per errorId", () => {
    const listed = HLR_ERROR_FAMILY.filter(([, name]) => !familyExclusion('§10 HLR errors', name));
    expect(HLR_ERRORS.map((error) => [error.id, error.name])).toEqual(listed.map(([id, name]) => [id, name]));
  });

  test('§10: every HLR operator error comes from its test number, in the notification for notifyUrl', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: RECIPE_KEY, credits: 10, hlrCredits: 1000 });
    const numbers = HLR_ERRORS.map((error) => hlrTestNumber(error.id));
    const answer = await post(server.url, '/v1/hlr/notify', {
      apiKey: RECIPE_KEY,
      phoneNumbers: numbers.join(','),
      notifyUrl: 'https://example.com/hlr',
    });
    expect(answer.json).toMatchObject({ success: true, code: 200, number: HLR_ERRORS.length });
    const { campaigns } = (await get(server.url, '/__mock/hlr', { apiKey: RECIPE_KEY })).json as {
      campaigns: { results: { phone: string; errorGrpId: number; errorName: string; errorDesc: string }[] }[];
    };
    expect(
      campaigns[0]?.results.map(({ phone, errorGrpId, errorName, errorDesc }) => [
        phone,
        errorGrpId,
        errorName,
        errorDesc,
      ]),
    ).toEqual(
      HLR_ERRORS.map((error, index) => [numbers[index], error.groupId, error.name, error.description]),
    );
  });
});

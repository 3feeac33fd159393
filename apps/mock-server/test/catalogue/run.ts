import { type AnyEndpoint, type EndpointName, endpoints } from '@smspartner-kit/schema';
import { type Answer, call, post } from '../helpers.ts';
import { type RawBody, RECIPE_ACCOUNT, RECIPE_KEY, type Recipe, type RecipeContext } from './recipe.ts';

async function callEndpoint(
  url: string,
  endpoint: AnyEndpoint,
  params: Readonly<Record<string, unknown>> | RawBody,
  format: 'json' | 'xml',
): Promise<Answer> {
  if ('raw' in params && typeof params.raw === 'string') {
    return post(url, `${endpoint.path}${format === 'xml' ? '?_format=xml' : ''}`, params.raw);
  }
  const withFormat = format === 'xml' ? { ...params, _format: 'xml' } : params;
  // The endpoint's own method: a query string for a GET, a JSON body for a POST or a DELETE.
  return call(url, endpoint.method, endpoint.path, withFormat as Record<string, unknown>);
}

/**
 * Runs a recipe against a mock whose state was just reset: creates its
 * account through the admin API, runs its steps, sends its request (in JSON
 * or, asked with `_format=xml`, in XML) and returns the answer.
 */
export async function runRecipe(
  url: string,
  name: EndpointName,
  recipe: Recipe,
  format: 'json' | 'xml' = 'json',
): Promise<Answer> {
  const { context, prepared } = await prepareRecipe(url, recipe);
  return callEndpoint(url, endpoints[name] as AnyEndpoint, recipe.request(context, prepared), format);
}

/**
 * A recipe's state: its account (under `apiKey`, the recipe key unless
 * given) and its `before` steps. Resolves with the context the request is
 * built in and what the steps resolved with. The provider verification runs
 * it for `RECIPE_STATE`.
 */
export async function prepareRecipe(
  url: string,
  recipe: Recipe,
  apiKey: string = RECIPE_KEY,
): Promise<{ context: RecipeContext; prepared: unknown }> {
  const admin = async (path: string, body: Readonly<Record<string, unknown>>) => {
    const answer = await post(url, path, body);
    if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${answer.text}`);
    return answer.json;
  };
  await admin('/__mock/accounts', { apiKey, ...RECIPE_ACCOUNT, ...recipe.account });
  const context: RecipeContext = {
    url,
    apiKey,
    admin,
    call: async (other, params) =>
      (await callEndpoint(url, endpoints[other] as AnyEndpoint, params, 'json')).json,
  };
  return { context, prepared: await recipe.before?.(context) };
}

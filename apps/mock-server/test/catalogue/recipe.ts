import { type AnyEndpoint, type EndpointName, endpoints, requestShapeOf } from '@smspartner-kit/schema';
import type { CodeOf } from '../../src/core/define-handler.ts';
import { type Answer, call, post } from '../helpers.ts';

/**
 * A recipe: how to make one endpoint answer one of its codes on purpose,
 * through the HTTP API and the admin API only, as the README's recipe says
 * it. The catalogue test (`test/unit/every-code.test.ts`) and each
 * endpoint's own test run them; the README tables are written from them.
 */
export interface Recipe {
  /** The cause, in the README's words. */
  readonly cause: string;
  /** Settings of the account the recipe runs with, over {@link RECIPE_ACCOUNT}. */
  readonly account?: Readonly<Record<string, unknown>>;
  /** What happens first (admin calls, other API calls), e.g. a fault, a scheduled message, a full window. */
  readonly before?: (context: RecipeContext) => Promise<unknown>;
  /**
   * The request: its parameters (the query of a GET, the JSON body otherwise), or a raw body.
   * `prepared` is what {@link Recipe.before} resolved with (an id it created: a group, a token).
   */
  readonly request: (
    context: RecipeContext,
    prepared: unknown,
  ) => Readonly<Record<string, unknown>> | RawBody;
  /** The exact JSON answer, where it is not `{success: false, code, message}` from the catalogue. */
  readonly answer?: Readonly<Record<string, unknown>>;
  /** The HTTP status, where it is neither the catalogue's for the code nor 200 (code 90: 400). */
  readonly status?: number;
}

/** A body sent as it is written (malformed JSON, for code 90). */
export interface RawBody {
  readonly raw: string;
}

/** Every recipe of one endpoint, by code: the code type is the endpoint's catalogue. */
export type Recipes<Name extends EndpointName> = { readonly [Code in CodeOf<Name>]?: Recipe };

/** What a recipe's steps are given. */
export interface RecipeContext {
  readonly url: string;
  /** The key of the recipe's account (created fresh for the recipe). */
  readonly apiKey: string;
  /** A POST to the admin API, e.g. `admin('/__mock/faults', {…})`; throws unless it answers 2xx. */
  readonly admin: (path: string, body: Readonly<Record<string, unknown>>) => Promise<unknown>;
  /** A call to one endpoint of the API, with parameters (its own JSON answer). */
  readonly call: (name: EndpointName, params: Readonly<Record<string, unknown>>) => Promise<unknown>;
}

/** The key every recipe's account has. */
export const RECIPE_KEY = 'recipe-key';

/** The recipe account, unless a recipe says otherwise: the default config's funded account. */
export const RECIPE_ACCOUNT: Readonly<Record<string, unknown>> = {
  credits: 1000,
  hlrCredits: 100,
  unicode: true,
  virtualNumbers: ['33700000000'],
  surveys: { 'SURVEY-1': 'How was your visit? Reply 1 to 5' },
};

/** Whether an endpoint documents `_format`: its recipes then also run in XML. */
export function documentsXml(endpoint: AnyEndpoint): boolean {
  return '_format' in requestShapeOf(endpoint);
}

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
  const admin = async (path: string, body: Readonly<Record<string, unknown>>) => {
    const answer = await post(url, path, body);
    if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${answer.text}`);
    return answer.json;
  };
  await admin('/__mock/accounts', { apiKey: RECIPE_KEY, ...RECIPE_ACCOUNT, ...recipe.account });
  const context: RecipeContext = {
    url,
    apiKey: RECIPE_KEY,
    admin,
    call: async (other, params) =>
      (await callEndpoint(url, endpoints[other] as AnyEndpoint, params, 'json')).json,
  };
  const prepared = await recipe.before?.(context);
  return callEndpoint(url, endpoints[name] as AnyEndpoint, recipe.request(context, prepared), format);
}

/** The answer a recipe must get: its own, or the catalogue's failure for the code. */
export function expectedAnswer(
  name: EndpointName,
  code: number,
  recipe: Recipe,
): Readonly<Record<string, unknown>> {
  const catalogue = (endpoints[name] as AnyEndpoint).codes as Record<number, { message: string }>;
  return recipe.answer ?? { success: false, code, message: catalogue[code]?.message };
}

/** The HTTP status a recipe's answer must carry. */
export function expectedStatus(name: EndpointName, code: number, recipe: Recipe): number {
  const entry = ((endpoints[name] as AnyEndpoint).codes as Record<number, { httpStatus?: number }>)[code];
  return recipe.status ?? entry?.httpStatus ?? 200;
}

import {
  type AnyEndpoint,
  type EndpointName,
  type Endpoints,
  endpoints,
  requestShapeOf,
} from '@smspartner-kit/schema';

/** A control code of an endpoint's catalogue. */
type CodeOf<Name extends EndpointName> = keyof Endpoints[Name]['codes'] & number;

/**
 * A recipe: how to make one endpoint answer one of its codes on purpose,
 * through the HTTP API and the admin API only, as the README's recipe says
 * it. The catalogue test (`test/unit/every-code.test.ts`) and each
 * endpoint's own test run them (`run.ts`); the README tables are written from
 * them; the client's consumer tests turn each into a pact interaction under
 * {@link RECIPE_STATE}, which the provider verification sets up with the
 * same steps. So this file and the recipes import nothing but the schema.
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
   * `prepared` is what {@link Recipe.before} resolved with: an object of the ids it created (a
   * group's, a token), read by field name only, since a pact interaction passes a stand-in whose
   * every field is a provider-state value.
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

/**
 * The provider state of a pact interaction that reproduces one recipe, with
 * parameters `{endpoint, code, apiKey}`: the provider creates the recipe's
 * account under `apiKey`, runs its `before` steps, and returns the values they
 * resolved with (ids, tokens), which the request names with `fromProviderState`.
 */
export const RECIPE_STATE = 'the documented cause of a code';

import type { EndpointName } from '@smspartner-kit/schema';
import type { Recipe, RecipeContext } from './recipe.ts';

/** A request built from the recipe's account key. */
export type Base = (context: RecipeContext) => Record<string, unknown>;

/** An object with some fields replaced (`undefined` drops one). */
export function replaced(
  object: Readonly<Record<string, unknown>>,
  fields: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...object, ...fields };
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete result[key];
  return result;
}

/** The base request with some fields replaced (`undefined` drops one). */
export const withFields =
  (base: Base, fields: Readonly<Record<string, unknown>>) =>
  (context: RecipeContext): Record<string, unknown> =>
    replaced(base(context), fields);

/**
 * The recipes every endpoint shares, for the codes its catalogue holds: the
 * key checks, the account gates, an injected fault and malformed JSON. Only
 * the ones the endpoint documents are kept by the caller (by code).
 */
export function sharedRecipes(name: EndpointName, base: Base): Readonly<Record<number, Recipe>> {
  return {
    1: { cause: 'no `apiKey` (or an empty one)', request: withFields(base, { apiKey: undefined }) },
    10: { cause: 'an apiKey no account has', request: withFields(base, { apiKey: 'not-a-key' }) },
    11: {
      cause: 'an account without credits (`credits: 0`)',
      account: { credits: 0, hlrCredits: 0 },
      request: base,
    },
    20: { cause: 'an account with `status: "disabled"`', account: { status: 'disabled' }, request: base },
    30: { cause: 'an account with `status: "blocked"`', account: { status: 'blocked' }, request: base },
    40: { cause: 'an account with `apiAccess: false`', account: { apiAccess: false }, request: base },
    96: {
      cause: 'an account whose `allowedIps` does not hold the caller (127.0.0.1)',
      account: { allowedIps: ['192.0.2.1'] },
      request: base,
    },
    500: {
      cause: `\`POST /__mock/faults {"apiKey", "endpoint": "${name}", "times": 1}\`, then the request`,
      before: (context) =>
        context.admin('/__mock/faults', { apiKey: context.apiKey, endpoint: name, times: 1 }),
      request: base,
    },
    90: {
      cause: 'a body that is not JSON: an unescaped `"` inside a string',
      request: (context) => ({ raw: `{"apiKey":"${context.apiKey}","message":"say "hi""}` }),
      answer: { success: false, code: 90, message: 'Malformed JSON: syntax error' },
      status: 400,
    },
  };
}

/** Keeps the recipes whose code is in `codes`. */
export function only<Code extends number>(
  recipes: Readonly<Record<number, Recipe>>,
  codes: readonly Code[],
): { [C in Code]: Recipe } {
  return Object.fromEntries(codes.map((code) => [code, recipes[code] as Recipe])) as { [C in Code]: Recipe };
}

import { type Base, sharedRecipes, withFields } from './common.ts';
import type { Recipe, RecipeContext, Recipes } from './recipe.ts';

/**
 * Recipes for sub-accounts (README "Sub-accounts"): the per-page tables'
 * codes. The recipe account is a master with sub-accounts activated
 * (`subaccounts: true`) unless a recipe says otherwise; tokens are read from
 * the answer that creates the sub-account (`before` resolves with it).
 */

const MASTER = { subaccounts: true } as const;

/** Creates a simple sub-account of the recipe account; resolves with its token. */
async function newSubaccount(
  context: RecipeContext,
  parameters: Record<string, unknown> = {},
): Promise<{ token: string }> {
  const answer = (await context.call('createSubaccount', {
    apiKey: context.apiKey,
    type: 'simple',
    parameters,
  })) as { subaccount?: { token?: string } };
  const token = answer.subaccount?.token;
  if (token === undefined) throw new Error(`Create Sub-account answered ${JSON.stringify(answer)}`);
  return { token };
}

const tokenOf = (prepared: unknown) => (prepared as { token: string }).token;

// ---------------------------------------------------------------- create

const createBase: Base = ({ apiKey }) => ({ apiKey, type: 'simple' });
const shared = sharedRecipes('createSubaccount', createBase);

/** A create recipe from a master account. */
const create = (
  cause: string,
  fields: Readonly<Record<string, unknown>>,
  extra: Partial<Recipe> = {},
): Recipe => ({
  cause,
  account: MASTER,
  request: withFields(createBase, fields),
  ...extra,
});

export const createSubaccountRecipes: Recipes<'createSubaccount'> = {
  1: { ...(shared[1] as Recipe), account: MASTER },
  10: { ...(shared[10] as Recipe), account: MASTER },
  2: {
    cause: "an account without sub-accounts activated (or a sub-account's key, a master at 1000)",
    request: createBase,
  },
  3: create('`type: "advanced"` without `parameters.isBuyer`', {
    type: 'advanced',
    parameters: { email: 'shop@example.test' },
  }),
  4: create('no `type`', { type: undefined }),
  5: create('`type: "premium"`', { type: 'premium' }),
  6: create('`type: "advanced"` without `parameters.email` (or a malformed e-mail)', {
    type: 'advanced',
    parameters: { isBuyer: 0 },
  }),
  7: create(
    "another sub-account's e-mail (or an account's login)",
    { parameters: { email: 'taken@example.test' } },
    { before: (context) => newSubaccount(context, { email: 'taken@example.test' }) },
  ),
  8: create('`creditToAttribute: 0`', { parameters: { creditToAttribute: 0 } }),
  9: create("`creditToAttribute` above the master's balance", {
    parameters: { creditToAttribute: '100000' },
  }),
  400: create('`parameters.title: ["x"]` (a documented field of the wrong type): the mock\'s', {
    parameters: { title: ['x'] },
  }),
};

// ---------------------------------------------------------------- remove and list

const removeBase: Base = ({ apiKey }) => ({ apiKey, token: 'not-a-token' });

export const removeSubaccountRecipes: Recipes<'removeSubaccount'> = {
  10: {
    cause: 'no `apiKey`, or one no account has',
    account: MASTER,
    request: withFields(removeBase, { apiKey: undefined }),
  },
  1: { cause: 'no `token`', account: MASTER, request: withFields(removeBase, { token: undefined }) },
  404: {
    cause: "a token none of the caller's sub-accounts has (another master's, a deleted one's)",
    account: MASTER,
    request: removeBase,
  },
};

const listBase: Base = ({ apiKey }) => ({ apiKey });

export const listSubaccountsRecipes: Recipes<'listSubaccounts'> = {
  1: { ...(sharedRecipes('listSubaccounts', listBase)[1] as Recipe), account: MASTER },
  10: { ...(sharedRecipes('listSubaccounts', listBase)[10] as Recipe), account: MASTER },
};

// ---------------------------------------------------------------- credit moves

/**
 * The recipes of a credit move, `add` (master → sub-account) or `remove`
 * (back). `before` creates a sub-account credited with 1 EUR.
 */
function creditRecipes(direction: 'add' | 'remove'): Recipes<'addSubaccountCredit'> {
  const move = (
    cause: string,
    fields: Readonly<Record<string, unknown>>,
    extra: Partial<Recipe> = {},
  ): Recipe => ({
    cause,
    account: MASTER,
    before: (context) => newSubaccount(context, { creditToAttribute: 1 }),
    request: ({ apiKey }, prepared) => {
      const request: Record<string, unknown> = {
        apiKey,
        credit: 1,
        tokenSubaccount: tokenOf(prepared),
        ...fields,
      };
      for (const [key, value] of Object.entries(fields)) if (value === undefined) delete request[key];
      return request;
    },
    ...extra,
  });
  return {
    1: move('no `apiKey`', { apiKey: undefined }),
    10: move('an apiKey no account has', { apiKey: 'not-a-key' }),
    2: move('no `credit`', { credit: undefined }),
    3: move('no `tokenSubaccount`', { tokenSubaccount: undefined }),
    4: {
      cause: "an account without sub-accounts activated (or a sub-account's key)",
      request: ({ apiKey }) => ({ apiKey, credit: 1, tokenSubaccount: 'not-a-token' }),
    },
    5: move('`credit: 0` (or `"-5"`, `"abc"`, more than six decimals)', { credit: 0 }),
    6:
      direction === 'add'
        ? {
            cause: 'the master holds 0 (`credits: 0`)',
            account: { ...MASTER, credits: 0 },
            before: (context) => newSubaccount(context),
            request: ({ apiKey }, prepared) => ({ apiKey, credit: 1, tokenSubaccount: tokenOf(prepared) }),
          }
        : move('the sub-account holds 0', {}, { before: (context) => newSubaccount(context) }),
    7: move("a token none of the caller's sub-accounts has", { tokenSubaccount: 'not-a-token' }),
    8:
      direction === 'add'
        ? move('more than the master holds', { credit: '100000' })
        : move('more than the sub-account holds (1 EUR)', { credit: '1.000001' }),
  };
}

export const addSubaccountCreditRecipes: Recipes<'addSubaccountCredit'> = creditRecipes('add');
export const removeSubaccountCreditRecipes: Recipes<'removeSubaccountCredit'> = creditRecipes('remove');

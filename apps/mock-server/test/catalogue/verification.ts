import { type Base, only, sharedRecipes, withFields } from './common.ts';
import type { Recipe, Recipes } from './recipe.ts';

/** The codes POST /v1/hlr/notify and POST /v1/lookup share, for one of them. */
function verificationRecipes(name: 'verifyNumbers' | 'lookupNumbers', base: Base) {
  const recipes: Readonly<Record<number, Recipe>> = {
    ...sharedRecipes(name, base),
    2: {
      cause: 'no `phoneNumbers` (or a blank one)',
      request: withFields(base, { phoneNumbers: undefined }),
    },
    3: {
      cause:
        'numbers separated otherwise than by commas (`;`, `|`, a line break, or two numbers in one item)',
      request: withFields(base, { phoneNumbers: '+33612345678;+33698765432' }),
    },
    50: {
      cause: '501 numbers',
      request: withFields(base, {
        phoneNumbers: Array.from(
          { length: 501 },
          (_, index) => `+336${String(10_000_000 + index).slice(-8)}`,
        ).join(','),
      }),
    },
    55: { cause: 'no number at all: `phoneNumbers: ","`', request: withFields(base, { phoneNumbers: ',' }) },
    429: {
      cause: `more than 360 requests in a minute: \`POST /__mock/rate-limits {"apiKey", "endpoint": "${name}", "used": 360}\`, then the request`,
      before: (context) =>
        context.admin('/__mock/rate-limits', { apiKey: context.apiKey, endpoint: name, used: 360 }),
      request: base,
    },
  };
  return recipes;
}

const hlrBase: Base = ({ apiKey }) => ({ apiKey, phoneNumbers: '+33612345678' });

export const verifyNumbersRecipes: Recipes<'verifyNumbers'> = {
  ...only(verificationRecipes('verifyNumbers', hlrBase), [1, 2, 3, 10, 50, 55, 96, 429]),
  11: {
    cause: 'an account without HLR credits (`hlrCredits: 0`, as `test-empty-key`)',
    account: { hlrCredits: 0 },
    request: hlrBase,
  },
  13: {
    cause: 'a destination without a price: `+12025550123`',
    request: withFields(hlrBase, { phoneNumbers: '+12025550123' }),
  },
  14: {
    cause: "a number on the account's `stopList`",
    account: { stopList: ['0611111111'] },
    request: withFields(hlrBase, { phoneNumbers: '+33611111111' }),
  },
};

const lookupBase: Base = ({ apiKey }) => ({ apiKey, phoneNumbers: '+33612345678' });

export const lookupNumbersRecipes: Recipes<'lookupNumbers'> = only(
  verificationRecipes('lookupNumbers', lookupBase),
  [1, 2, 3, 10, 50, 55, 96, 429],
);

import { type Base, withFields } from './common.ts';
import type { RecipeContext, Recipes } from './recipe.ts';

const forwardBase: Base = ({ apiKey }) => ({ apiKey, number: '33700000000', type: 1, param: '+33612345678' });

/** Turns forwarding (type 1) or voicemail (type 2) on for the recipe account's number first. */
const first = (type: 1 | 2) => (context: RecipeContext) =>
  context.call('setCallForwarding', {
    apiKey: context.apiKey,
    number: '33700000000',
    type,
    param: type === 1 ? '+33612345678' : 'voicemail@example.com',
  });

export const setCallForwardingRecipes: Recipes<'setCallForwarding'> = {
  10: {
    cause: 'no `apiKey` (the page: "API key is required"); an unknown key answers 10 too',
    request: withFields(forwardBase, { apiKey: undefined }),
  },
  5: { cause: 'no `number`', request: withFields(forwardBase, { number: undefined }) },
  6: { cause: 'no `type`', request: withFields(forwardBase, { type: undefined }) },
  7: { cause: '`type: 3` (not 0, 1 or 2)', request: withFields(forwardBase, { type: 3 }) },
  8: { cause: '`type: 1` or `2` with an empty `param`', request: withFields(forwardBase, { param: '' }) },
  9: {
    cause: '`type: 2` with a `param` that is not an e-mail',
    request: withFields(forwardBase, { type: 2, param: 'not-an-email' }),
  },
  12: {
    cause: '`type: 1` with a `param` that is not a phone number',
    request: withFields(forwardBase, { param: '12' }),
  },
  13: {
    cause: 'a `number` the account does not rent',
    request: withFields(forwardBase, { number: '33799999999' }),
  },
  14: {
    cause: 'an account with `callForwarding: false`',
    account: { callForwarding: false },
    request: forwardBase,
  },
  15: {
    cause: "a number of the account's `disabledVirtualNumbers`",
    account: { disabledVirtualNumbers: ['33700000000'], virtualNumbers: [] },
    request: forwardBase,
  },
  16: { cause: 'forwarding (`type: 1`) twice', before: first(1), request: forwardBase },
  17: {
    cause: 'voicemail (`type: 2`) twice',
    before: first(2),
    request: withFields(forwardBase, { type: 2, param: 'voicemail@example.com' }),
  },
  18: {
    cause: '`type: 0` on a number whose forwarding is off (a rented number starts off)',
    request: withFields(forwardBase, { type: 0, param: '' }),
  },
};

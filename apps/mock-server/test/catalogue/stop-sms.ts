import { only, sharedRecipes, withFields } from './common.ts';
import type { RecipeContext, Recipes } from './recipe.ts';

/** Recipes of the STOP-list endpoints. */
const listed = (context: RecipeContext) =>
  context.call('addStopSms', { apiKey: context.apiKey, phoneNumber: '0612345678' });

const list = ({ apiKey }: RecipeContext) => ({ apiKey });

export const listStopSmsRecipes: Recipes<'listStopSms'> = only(sharedRecipes('listStopSms', list), [1, 10]);

const add = ({ apiKey }: RecipeContext) => ({ apiKey, phoneNumber: '0612345678' });

export const addStopSmsRecipes: Recipes<'addStopSms'> = {
  ...only(sharedRecipes('addStopSms', add), [1, 10, 500]),
  2: { cause: 'no `phoneNumber`', request: withFields(add, { phoneNumber: undefined }) },
  3: {
    cause: 'a number on the list already (in any writing: `+33612345678` after `0612345678`)',
    before: listed,
    request: withFields(add, { phoneNumber: '+33612345678' }),
  },
  9: {
    cause: 'a number that is not a phone number (`922264`)',
    request: withFields(add, { phoneNumber: '922264' }),
  },
};

const remove = ({ apiKey }: RecipeContext) => ({ apiKey, id: 1 });

export const deleteStopSmsRecipes: Recipes<'deleteStopSms'> = {
  ...only(sharedRecipes('deleteStopSms', remove), [1, 10]),
  2: {
    cause: 'an empty `phoneNumber` in place of the `id` (the mock takes a number instead of an id)',
    request: ({ apiKey }) => ({ apiKey, phoneNumber: '' }),
  },
  3: { cause: 'neither `id` nor `phoneNumber`', request: ({ apiKey }) => ({ apiKey }) },
  4: { cause: "an id the account's list does not have (or a number not on it)", request: remove },
};

import { only, sharedRecipes } from './common.ts';
import type { RecipeContext, Recipes } from './recipe.ts';

/** Schedules a message at 10:00 (the clock stands at 09:00) or now; its id is 1000 (ids start there). */
const schedule = (context: RecipeContext, time?: { time: number; minute: number }) =>
  context.call('sendSms', {
    apiKey: context.apiKey,
    phoneNumbers: '0612345678',
    message: 'Bonjour',
    ...(time ? { scheduledDeliveryDate: '15/01/2030', ...time } : {}),
  });

const cancel = ({ apiKey }: RecipeContext) => ({ apiKey, messageId: 1000 });

export const cancelSmsRecipes: Recipes<'cancelSms'> = {
  ...only(sharedRecipes('cancelSms', cancel), [1, 10]),
  3: { cause: 'no `messageId`', request: ({ apiKey }) => ({ apiKey }) },
  4: {
    cause: "an id never issued (or another account's, or not a number)",
    request: ({ apiKey }) => ({ apiKey, messageId: 999999 }),
  },
  5: {
    cause: 'cancel the same scheduled message twice',
    before: async (context) => {
      await schedule(context, { time: 10, minute: 0 });
      await context.call('cancelSms', cancel(context));
    },
    request: cancel,
  },
  6: {
    cause: 'a message due in 5 minutes or less (scheduled at 09:05 with the clock at 09:00)',
    before: (context) => schedule(context, { time: 9, minute: 5 }),
    request: cancel,
  },
  7: {
    cause: 'an immediate send (or a scheduled one whose time has passed)',
    before: (context) => schedule(context),
    request: cancel,
  },
  11: { cause: 'an account whose balance is zero', account: { credits: 0 }, request: cancel },
};

const credits = ({ apiKey }: RecipeContext) => ({ apiKey });

export const getCreditsRecipes: Recipes<'getCredits'> = only(
  sharedRecipes('getCredits', credits),
  [1, 10, 20, 30, 40, 96],
);

import { type Base, only, sharedRecipes, withFields } from './common.ts';
import type { Recipes } from './recipe.ts';
import { scheduleRecipes } from './send-family.ts';

const rcsBase: Base = ({ apiKey }) => ({
  apiKey,
  isUnicode: 1,
  phoneNumbers: ['+33612345678'],
  richContent: { conversation: { text: 'Your parcel arrives tomorrow' } },
});

const reply = (index: number) => ({ reply: { text: `Option ${index}`, postbackData: `option_${index}` } });

export const sendRcsRecipes: Recipes<'sendRcs'> = {
  ...only(sharedRecipes('sendRcs', rcsBase), [1, 10, 11, 20, 30, 40, 96, 500, 90]),
  ...only(scheduleRecipes(rcsBase), [22, 23, 45, 46, 47, 48, 49]),
  2: { cause: 'no `phoneNumbers`', request: withFields(rcsBase, { phoneNumbers: undefined }) },
  9: {
    cause:
      'rich content against the page: 5 suggestions (or none of text/file/richCard, a card title over 200…)',
    request: withFields(rcsBase, {
      richContent: { conversation: { text: 'Pick one', suggestions: [1, 2, 3, 4, 5].map(reply) } },
    }),
    answer: {
      success: false,
      code: 9,
      error: [{ elementId: 'children[richContent].data', message: 'At most 4 suggestions' }],
    },
  },
  13: {
    cause: 'a destination without a price',
    request: withFields(rcsBase, { phoneNumbers: ['+12025550123'] }),
  },
  14: {
    cause: "a number on the account's `stopList`",
    account: { stopList: ['0611111111'] },
    request: withFields(rcsBase, { phoneNumbers: ['+33611111111'] }),
  },
  50: {
    cause: '501 numbers',
    request: withFields(rcsBase, {
      phoneNumbers: Array.from({ length: 501 }, (_, index) => `+336${String(10_000_000 + index).slice(-8)}`),
    }),
  },
  52: {
    cause: 'a `failover` SMS of 1531 GSM characters',
    request: withFields(rcsBase, { failover: { message: 'a'.repeat(1531) } }),
  },
  55: { cause: '`phoneNumbers: []`', request: withFields(rcsBase, { phoneNumbers: [] }) },
};

import { only, sharedRecipes, withFields } from './common.ts';
import type { RecipeContext, Recipes } from './recipe.ts';

/**
 * Recipes of the status and statistics family. A message, when one is
 * needed, is an immediate send to 0612345678 (id 1000: ids start there).
 */
const sent = (context: RecipeContext) =>
  context.call('sendSms', {
    apiKey: context.apiKey,
    phoneNumbers: '0612345678',
    message: 'Bonjour',
    tag: 'promo',
  });

const single = ({ apiKey }: RecipeContext) => ({ apiKey, messageId: 1000, phoneNumber: '0612345678' });

export const getMessageStatusRecipes: Recipes<'getMessageStatus'> = {
  ...only(sharedRecipes('getMessageStatus', single), [1, 10, 96]),
  2: { cause: 'no `phoneNumber`', before: sent, request: withFields(single, { phoneNumber: undefined }) },
  3: { cause: 'no `messageId`', before: sent, request: withFields(single, { messageId: undefined }) },
  4: {
    cause: "an id never issued, another account's, or a number the message was not sent to",
    before: sent,
    request: withFields(single, { phoneNumber: '0611111111' }),
  },
  9: {
    cause: 'a `phoneNumber` that is not a phone number (`922264`)',
    before: sent,
    request: withFields(single, { phoneNumber: '922264' }),
  },
};

const pair = { phoneNumber: '+33612345678', messageId: 1000 };
const multi = ({ apiKey }: RecipeContext) => ({ apiKey, SMSStatut_List: [pair] });

export const getMultiStatusRecipes: Recipes<'getMultiStatus'> = {
  ...only(sharedRecipes('getMultiStatus', multi), [1, 10, 96]),
  2: {
    cause: 'a pair without its `phoneNumber`',
    request: withFields(multi, { SMSStatut_List: [{ messageId: 1000 }] }),
  },
  3: {
    cause: 'a pair without its `messageId`',
    request: withFields(multi, { SMSStatut_List: [{ phoneNumber: '+33612345678' }] }),
  },
  4: {
    cause:
      'a pair no message of the account has: an item `success: false, code: 4, status: "Number not found"`, the answer a success',
    request: multi,
    answer: {
      success: true,
      code: 200,
      StatutResponse_List: [
        { success: false, code: 4, phoneNumber: '+33612345678', messageId: 1000, status: 'Number not found' },
      ],
    },
  },
  5: { cause: 'no `SMSStatut_List`, or an empty one', request: withFields(multi, { SMSStatut_List: [] }) },
  6: {
    cause: 'a list that is not a list of pairs (`"x"`)',
    request: withFields(multi, { SMSStatut_List: 'x' }),
  },
  9: {
    cause: 'a pair whose number is not a phone number',
    request: withFields(multi, { SMSStatut_List: [{ phoneNumber: '922264', messageId: 1000 }] }),
  },
  50: {
    cause: '501 pairs',
    request: withFields(multi, { SMSStatut_List: Array.from({ length: 501 }, () => pair) }),
  },
};

const bulk = ({ apiKey }: RecipeContext) => ({ apiKey, messageId: 1000 });

export const getBulkStatusRecipes: Recipes<'getBulkStatus'> = {
  ...only(sharedRecipes('getBulkStatus', bulk), [1, 10, 96]),
  3: { cause: 'no `messageId`', request: withFields(bulk, { messageId: undefined }) },
  4: { cause: "an id never issued (or another account's, or not a number)", request: bulk },
};

const tagged = ({ apiKey }: RecipeContext) => ({ apiKey, tag: 'promo' });

export const getStatusByTagRecipes: Recipes<'getStatusByTag'> = {
  ...only(sharedRecipes('getStatusByTag', tagged), [1, 10, 96]),
  3: { cause: 'no `tag`', request: withFields(tagged, { tag: undefined }) },
  4: { cause: 'a tag no message of the account carries', request: tagged },
};

const stats = ({ apiKey }: RecipeContext) => ({ apiKey, interval: 'last_month' });

export const getSendingStatisticsRecipes: Recipes<'getSendingStatistics'> = {
  ...only(sharedRecipes('getSendingStatistics', stats), [1, 10]),
  9: {
    cause:
      'an `interval` other than last_month, last_twelve_months, custom (or custom without `from`/`to`, or a day that does not exist)',
    request: withFields(stats, { interval: 'yesterday' }),
    answer: {
      success: false,
      code: 9,
      error: [
        {
          elementId: 'children[interval].data',
          message: 'The interval must be last_month, last_twelve_months or custom',
        },
      ],
    },
  },
  429: {
    cause:
      'a sixth request in a minute of the account clock (`POST /__mock/rate-limits {"apiKey", "endpoint": "getSendingStatistics", "used": 5}`); `Retry-After` says when',
    before: (context) =>
      context.admin('/__mock/rate-limits', {
        apiKey: context.apiKey,
        endpoint: 'getSendingStatistics',
        used: 5,
      }),
    request: stats,
  },
};

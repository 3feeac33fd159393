import { sendSmsCodes } from '@smspartner-kit/schema';
import { type Base, only, sharedRecipes, withFields } from './common.ts';
import type { Recipe, Recipes } from './recipe.ts';

/**
 * Recipes for the send family. The clock is frozen at 2030-01-15 09:00 in
 * Paris (a Tuesday) by the test; schedules are written against it.
 */

const numbers = (count: number) =>
  Array.from({ length: count }, (_, index) => `+336${String(10_000_000 + index).slice(-8)}`);

/** A schedule at `time`:00 on a date (Paris wall clock). */
const at = (scheduledDeliveryDate: string, time: number, minute = 0) => ({
  scheduledDeliveryDate,
  time,
  minute,
});

/** The schedule and field recipes a send with scheduling shares (single, bulk, survey, RCS). */
export function scheduleRecipes(base: Base): Readonly<Record<number, Recipe>> {
  return {
    22: {
      cause: 'a `marketing` account scheduling at 20:00 (19:55 passes)',
      account: { marketing: true },
      request: withFields(base, at('15/01/2030', 20)),
    },
    23: {
      cause: 'a `marketing` account scheduling on a Sunday (20/01/2030) or a public holiday',
      account: { marketing: true },
      request: withFields(base, at('20/01/2030', 10)),
    },
    45: {
      cause: '`time` and `minute` without `scheduledDeliveryDate`',
      request: withFields(base, { time: 10, minute: 0 }),
    },
    46: { cause: '`time: 25`', request: withFields(base, at('16/01/2030', 25)) },
    47: { cause: '`minute: 60` (or `"half"`)', request: withFields(base, at('16/01/2030', 10, 60)) },
    48: { cause: '`minute: 7` (not a step of 5)', request: withFields(base, at('16/01/2030', 10, 7)) },
    49: { cause: 'an impossible date, `31/02/2030`', request: withFields(base, at('31/02/2030', 10)) },
  };
}

const sendBase: Base = ({ apiKey }) => ({ apiKey, phoneNumbers: '0612345678', message: 'Bonjour' });

export const sendSmsRecipes: Recipes<'sendSms'> = {
  ...only(sharedRecipes('sendSms', sendBase), [1, 10, 11, 20, 30, 40, 96, 500, 90]),
  ...only(scheduleRecipes(sendBase), [22, 23, 45, 46, 47, 48, 49]),
  2: { cause: 'no `phoneNumbers`', request: withFields(sendBase, { phoneNumbers: undefined }) },
  9: {
    cause: 'a `sender` of 2 characters (or 12), an invalid number, a time in the past, a bad tag',
    request: withFields(sendBase, { sender: 'ab' }),
    answer: {
      success: false,
      code: 9,
      error: [
        { elementId: 'children[sender].data', message: 'The sender must be at least 3 characters long' },
      ],
    },
  },
  13: {
    cause: 'a destination without a price: `+12025550123`',
    request: withFields(sendBase, { phoneNumbers: '+12025550123' }),
  },
  14: {
    cause: "a number on the account's `stopList`",
    account: { stopList: ['0611111111'] },
    request: withFields(sendBase, { phoneNumbers: '+33611111111' }),
  },
  42: {
    cause: '`gamme: 2` with 161 characters',
    request: withFields(sendBase, { gamme: 2, message: 'a'.repeat(161) }),
  },
  43: { cause: 'a blank message (`"   "`)', request: withFields(sendBase, { message: '   ' }) },
  44: {
    cause: 'a sender with special characters (`Shop!`)',
    request: withFields(sendBase, { sender: 'Shop!' }),
  },
  50: { cause: '501 numbers', request: withFields(sendBase, { phoneNumbers: numbers(501).join(',') }) },
  51: {
    cause: '`gamme: 2` on an account with `lowCost: false`',
    account: { lowCost: false },
    request: withFields(sendBase, { gamme: 2 }),
  },
  52: {
    cause: '1531 GSM characters (1530 pass)',
    request: withFields(sendBase, { message: 'a'.repeat(1531) }),
  },
  55: { cause: '`phoneNumbers: ","`', request: withFields(sendBase, { phoneNumbers: ',' }) },
};

const bulkBase: Base = ({ apiKey }) => ({
  apiKey,
  SMSList: [{ phoneNumber: '0612345678', message: 'Bonjour' }],
});

/** A bulk send whose second item fails with `code`; the first goes (the answer still succeeds). */
const bulkItem = (
  cause: string,
  item: Readonly<Record<string, unknown>>,
  code: 2 | 13 | 14 | 42 | 43 | 52,
  phoneNumber: string,
  extra: Readonly<Record<string, unknown>> = {},
  account?: Readonly<Record<string, unknown>>,
): Recipe => ({
  cause,
  ...(account ? { account } : {}),
  request: ({ apiKey }) => ({
    apiKey,
    ...extra,
    SMSList: [{ phoneNumber: '0612345678', message: 'Bonjour' }, item],
  }),
  answer: {
    success: true,
    code: 200,
    message_id: 1000,
    currency: 'EUR',
    cost: extra.gamme === 2 ? 0.023 : 0.038,
    nbSMS: 1,
    SMSResponse_List: [
      {
        success: true,
        code: 200,
        nbSms: 1,
        cost: extra.gamme === 2 ? 0.023 : 0.038,
        phoneNumber: '+33612345678',
      },
      { success: false, code, nbSms: 0, cost: 0, phoneNumber, message: sendSmsCodes[code].message },
    ],
  },
});

export const sendBulkSmsRecipes: Recipes<'sendBulkSms'> = {
  ...only(sharedRecipes('sendBulkSms', bulkBase), [1, 10, 11, 20, 30, 40, 96, 500, 90]),
  ...only(scheduleRecipes(bulkBase), [22, 23, 45, 46, 47, 48, 49]),
  2: { cause: 'an empty `SMSList`', request: withFields(bulkBase, { SMSList: [] }) },
  9: {
    cause: 'a `sender` of 12 characters',
    request: withFields(bulkBase, { sender: 'ABCDEFGHIJKL' }),
    answer: {
      success: false,
      code: 9,
      error: [
        { elementId: 'children[sender].data', message: 'The sender cannot be longer than 11 characters' },
      ],
    },
  },
  13: bulkItem(
    'an item to a destination without a price (that item fails; the others go)',
    { phoneNumber: '+12025550123', message: 'Hello' },
    13,
    '+12025550123',
  ),
  14: bulkItem(
    "an item to a number on the account's `stopList`",
    { phoneNumber: '0611111111', message: 'Bonjour' },
    14,
    '+33611111111',
    {},
    { stopList: ['0611111111'] },
  ),
  42: bulkItem(
    '`gamme: 2` and an item of 161 characters',
    { phoneNumber: '0698765432', message: 'a'.repeat(161) },
    42,
    '+33698765432',
    { gamme: 2 },
  ),
  43: bulkItem('an item with a blank message', { phoneNumber: '0698765432', message: ' ' }, 43, '0698765432'),
  44: {
    cause: 'a sender with special characters (`Shop!`)',
    request: withFields(bulkBase, { sender: 'Shop!' }),
  },
  50: {
    cause: '501 items',
    request: withFields(bulkBase, {
      SMSList: numbers(501).map((phoneNumber) => ({ phoneNumber, message: 'Hi' })),
    }),
  },
  51: {
    cause: '`gamme: 2` on an account with `lowCost: false`',
    account: { lowCost: false },
    request: withFields(bulkBase, { gamme: 2 }),
  },
  52: bulkItem(
    'an item of 1531 GSM characters',
    { phoneNumber: '0698765432', message: 'a'.repeat(1531) },
    52,
    '+33698765432',
  ),
  55: {
    cause: 'no item can go (every item fails)',
    request: withFields(bulkBase, { SMSList: [{ phoneNumber: '+12025550123', message: 'Hello' }] }),
  },
};

const vnBase: Base = ({ apiKey }) => ({ apiKey, to: '0612345678', from: '33700000000', message: 'Bonjour' });

export const sendVnSmsRecipes: Recipes<'sendVnSms'> = {
  ...only(sharedRecipes('sendVnSms', vnBase), [1, 10, 11, 20, 30, 40, 96, 500, 90]),
  2: { cause: 'no `to`', request: withFields(vnBase, { to: undefined }) },
  9: {
    cause: 'an invalid number in `to` (`922264`)',
    request: withFields(vnBase, { to: '922264' }),
    answer: {
      success: false,
      code: 9,
      error: [{ elementId: 'children[to].data', message: 'This phone number is not valid (922264)' }],
    },
  },
  13: { cause: 'a destination without a price', request: withFields(vnBase, { to: '+12025550123' }) },
  14: {
    cause: "a number on the account's `stopList`",
    account: { stopList: ['0611111111'] },
    request: withFields(vnBase, { to: '0611111111' }),
  },
  43: { cause: 'a blank message', request: withFields(vnBase, { message: '   ' }) },
  50: { cause: '501 numbers in `to`', request: withFields(vnBase, { to: numbers(501).join(',') }) },
  52: { cause: '1531 GSM characters', request: withFields(vnBase, { message: 'a'.repeat(1531) }) },
  55: { cause: '`to: ","`', request: withFields(vnBase, { to: ',' }) },
  992: { cause: 'a `from` the account does not rent', request: withFields(vnBase, { from: '33799999999' }) },
};

const surveyBase: Base = ({ apiKey }) => ({ apiKey, phoneNumbers: '0612345678', sondageIdent: 'SURVEY-1' });

export const sendSurveyRecipes: Recipes<'sendSurvey'> = {
  ...only(sharedRecipes('sendSurvey', surveyBase), [1, 10, 11, 20, 30, 40, 96, 500, 90]),
  ...only(scheduleRecipes(surveyBase), [22, 23, 45, 46, 47, 48, 49]),
  2: { cause: 'no `phoneNumbers`', request: withFields(surveyBase, { phoneNumbers: undefined }) },
  4: { cause: 'an unknown `sondageIdent`', request: withFields(surveyBase, { sondageIdent: 'NOPE' }) },
  9: {
    cause: 'an invalid number (`922264`)',
    request: withFields(surveyBase, { phoneNumbers: '922264' }),
    answer: {
      success: false,
      code: 9,
      error: [
        { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (922264)' },
      ],
    },
  },
  13: {
    cause: 'a destination without a price',
    request: withFields(surveyBase, { phoneNumbers: '+12025550123' }),
  },
  14: {
    cause: "a number on the account's `stopList`",
    account: { stopList: ['0611111111'] },
    request: withFields(surveyBase, { phoneNumbers: '0611111111' }),
  },
  50: { cause: '501 numbers', request: withFields(surveyBase, { phoneNumbers: numbers(501).join(',') }) },
  52: {
    cause: "a survey whose text is 1531 GSM characters (the account's `surveys`)",
    account: { surveys: { LONG: 'a'.repeat(1531) } },
    request: withFields(surveyBase, { sondageIdent: 'LONG' }),
  },
  55: { cause: '`phoneNumbers: ","`', request: withFields(surveyBase, { phoneNumbers: ',' }) },
};

import { type Base, only, replaced, sharedRecipes, withFields } from './common.ts';
import type { Recipe, Recipes } from './recipe.ts';

const PARAMETERS = { sexe: 'm', minAge: 25, maxAge: 35, zipcode: '60200', interest: 14 };

const targetBase: Base = ({ apiKey }) => ({
  apiKey,
  op: 'price',
  parameters: PARAMETERS,
  volumes: { '60200': 20 },
});

/** The base request with targeting criteria replaced (`undefined` drops one). */
const withParameters = (changes: Readonly<Record<string, unknown>>) =>
  withFields(targetBase, { parameters: replaced(PARAMETERS, changes) });

const criterion = (cause: string, changes: Readonly<Record<string, unknown>>): Recipe => ({
  cause,
  request: withParameters(changes),
});

export const targetContactsRecipes: Recipes<'targetContacts'> = {
  ...only(sharedRecipes('targetContacts', targetBase), [1, 10, 96]),
  3: { cause: 'no `parameters`', request: withFields(targetBase, { parameters: undefined }) },
  4: { cause: 'no `op`', request: withFields(targetBase, { op: undefined }) },
  5: {
    cause: 'a `urlNotification` that is not an http(s) URL',
    request: withFields(targetBase, { urlNotification: 'not a url' }),
  },
  6: {
    cause: 'an `op` other than `calcul`, `price`, `rent`',
    request: withFields(targetBase, { op: 'buy' }),
  },
  7: criterion('no `sexe`', { sexe: undefined }),
  8: criterion('`sexe: "x"` (not m, h, f)', { sexe: 'x' }),
  9: criterion('no `minAge`', { minAge: undefined }),
  11: {
    cause: '`op: "rent"` on an account whose balance is below the price (`credits: 0`)',
    account: { credits: 0 },
    request: withFields(targetBase, { op: 'rent' }),
  },
  12: criterion('`minAge: 17`', { minAge: 17 }),
  13: criterion('no `maxAge`', { maxAge: undefined }),
  14: criterion('`maxAge: 99`', { maxAge: 99 }),
  15: criterion('`interest: 0`', { interest: 0 }),
  16: criterion('`interest: ""`', { interest: '' }),
  17: criterion('`subInterest: ""`', { subInterest: '' }),
  18: criterion('`subInterest: -1`', { subInterest: -1 }),
  19: criterion('neither `interest` nor `subInterest`', { interest: undefined }),
  22: criterion('`category: ""`', { category: '' }),
  23: criterion('`category: 0`', { category: 0 }),
  24: {
    cause: 'a `volumes` row without a known `Type` (`CP`, `DEP`, `total`)',
    request: withFields(targetBase, { volumes: [{ Localite: '60200', Volume: 20 }] }),
  },
  25: {
    cause: 'a `volumes` row without `Localite`',
    request: withFields(targetBase, { volumes: [{ Type: 'CP', Volume: 20 }] }),
  },
  26: {
    cause: 'a volume that is not a whole number above 0 (`{"60200": 0}`)',
    request: withFields(targetBase, { volumes: { '60200': 0 } }),
  },
  27: {
    cause: 'more than a place holds (`{"60200": 10000}`), or a place the target lacks',
    request: withFields(targetBase, { volumes: { '60200': 10_000 } }),
  },
  28: {
    cause: 'a `total` row above the total available',
    request: withFields(targetBase, { volumes: [{ Type: 'total', Localite: 'total', Volume: 100_000 }] }),
  },
  61: criterion('a target that matches no one (`zipcode: "00000"`, or no place at all)', {
    zipcode: '00000',
  }),
};

const statusBase: Base = ({ apiKey }) => ({ apiKey, token: 'LOC1000' });

export const getRentalStatusRecipes: Recipes<'getRentalStatus'> = {
  ...only(sharedRecipes('getRentalStatus', statusBase), [1, 10, 96]),
  31: { cause: 'no `token`', request: withFields(statusBase, { token: undefined }) },
  32: {
    cause: 'a token no rental of this account has',
    request: withFields(statusBase, { token: 'LOC999' }),
  },
};

import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { flag, requiredString, responseFormat } from '../../../core/fields.js';
import { euroAmount } from '../subaccount-fields.js';
import { createSubaccountRoute } from './route.js';

/** The longest e-mail and name the mock keeps (its bound). */
export const SUBACCOUNT_TEXT_MAX = 100;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (label: string) =>
  z.optional(
    z.string({ error: `The ${label} must be text` }).check(
      z.maxLength(SUBACCOUNT_TEXT_MAX, {
        error: `The ${label} cannot be longer than ${SUBACCOUNT_TEXT_MAX} characters`,
      }),
    ),
  );

/** `parameters`, whose required fields depend on `type` [official]. */
export const subaccountParameters = z.object(
  {
    email: z.optional(
      z
        .string({ error: 'Email is required' })
        .check(
          z.maxLength(SUBACCOUNT_TEXT_MAX, { error: 'Email is required' }),
          z.regex(EMAIL, { error: 'Email is required' }),
        ),
    ),
    isBuyer: flag('isBuyer'),
    creditToAttribute: z.optional(euroAmount('creditToAttribute must be greater than 0')),
    title: text('title'),
    firstname: text('first name'),
    lastname: text('last name'),
  },
  { error: 'parameters must be an object' },
);
export type SubaccountParameters = z.input<typeof subaccountParameters>;

/** `advanced` needs an e-mail and `isBuyer` [official]; `simple` needs neither. Runs whatever else failed. */
const advancedNeeds = z.superRefine(
  (_body: unknown, ctx) => {
    const raw = ctx.value as Record<string, unknown>;
    if (raw.type !== 'advanced') return;
    const given = (
      typeof raw.parameters === 'object' && raw.parameters !== null ? raw.parameters : {}
    ) as Record<string, unknown>;
    const absent = (key: string) => given[key] === undefined || given[key] === null || given[key] === '';
    if (absent('isBuyer'))
      ctx.addIssue({
        code: 'custom',
        path: ['parameters', 'isBuyer'],
        message: 'isBuyer is required',
        input: undefined,
      });
    if (absent('email'))
      ctx.addIssue({
        code: 'custom',
        path: ['parameters', 'email'],
        message: 'Email is required',
        input: undefined,
      });
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

/** POST /v1/subaccount/create, JSON body [official]: the master account's key, the type, its parameters. */
export const createSubaccountRequest = z
  .object({
    apiKey: requiredString('API key is required'),
    type: z.enum(['simple', 'advanced'], {
      error: 'This sub-account type does not exist (simple or advanced)',
    }),
    parameters: z.optional(subaccountParameters),
    _format: responseFormat,
  })
  .check(advancedNeeds);
export type CreateSubaccountRequest = z.input<typeof createSubaccountRequest>;

/**
 * The registry entry of POST /v1/subaccount/create: {@link createSubaccountRoute}
 * plus the request side. Codes are checked in the order of their numbers
 * (3 isBuyer, 4 and 5 type, 6 e-mail, 8 credit), after 2 (not authorised).
 */
export const createSubaccount = defineEndpoint(createSubaccountRoute, {
  summary: 'Create a sub-account (simple or advanced), optionally credited from the master balance',
  request: createSubaccountRequest,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    'parameters.isBuyer': { missing: 3, invalid: 3 },
    type: { missing: 4, invalid: 5 },
    'parameters.email': { missing: 6, invalid: 6 },
    'parameters.creditToAttribute': { missing: 8, invalid: 8 },
  },
  fallbackCode: 400,
  states: ['an account with sub-accounts enabled'],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      type: 'advanced',
      parameters: {
        email: 'aaaa@bbb.ccc',
        creditToAttribute: 10,
        isBuyer: 0,
        firstname: 'prenom',
        lastname: 'nom',
      },
    },
    response: {
      success: true,
      code: 200,
      subaccount: { email: 'aaaa@bbb.ccc', token: 'token' },
      sendConfirmMailTo: 'aaaa@bbb.ccc',
      parent_email: 'emailparent@ddd.eee',
    },
  },
});

export * from './route.js';

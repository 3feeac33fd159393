import * as z from 'zod/mini';
import { sendSmsRoute } from '../routes/send-sms.js';
import { defineEndpoint } from './define.js';
import { flag, integerLike, requiredString, responseFormat } from './fields.js';

/** Sender [official]: 3 to 11 characters, "no special characters" (read as: letters, digits and spaces). */
export const senderField = z
  .string({ error: 'The sender must be a string' })
  .check(
    z.minLength(3, { error: 'The sender must be at least 3 characters long' }),
    z.maxLength(11, { error: 'The sender cannot be longer than 11 characters' }),
    z.regex(/^[A-Za-z0-9 ]*$/, { error: 'The sender may only contain letters, digits and spaces' }),
  );

/** Tag [official]: at most 20 characters, no spaces, lowercase only. */
export const tagField = z
  .string({ error: 'The tag must be a string' })
  .check(
    z.maxLength(20, { error: 'The tag cannot be longer than 20 characters' }),
    z.regex(/^\S*$/, { error: 'The tag cannot contain spaces' }),
    z.regex(/^[^A-Z]*$/, { error: 'The tag must be lowercase' }),
  );

/** The message: required [official], and not blank (code 43). */
export const messageField = z
  .string({ error: 'The message is required' })
  .check(
    z.minLength(1, { error: 'The message is required' }),
    z.regex(/\S/, { error: 'The message is required' }),
  );

/** `gamme`: 1 Premium (default), 2 Low Cost [official-legacy, community, go-client]. */
export const gammeField = z.optional(
  z.pipe(
    integerLike('The range (gamme) must be 1 (Premium) or 2 (Low Cost)'),
    z.union([z.literal(1), z.literal(2)], { error: 'The range (gamme) must be 1 (Premium) or 2 (Low Cost)' }),
  ),
);

/**
 * The scheduling fields and their rule: `time` and `minute` are required with
 * a date [official]; a time without a date is refused (code 45).
 */
export const scheduleShape = {
  scheduledDeliveryDate: z.optional(
    z
      .string({ error: 'The date must be written dd/MM/yyyy' })
      .check(z.regex(/^\d{2}\/\d{2}\/\d{4}$/, { error: 'The date must be written dd/MM/yyyy' })),
  ),
  time: z.optional(
    z.pipe(
      integerLike('The time must be an hour from 0 to 24'),
      z
        .int()
        .check(
          z.gte(0, 'The time must be an hour from 0 to 24'),
          z.lte(24, 'The time must be an hour from 0 to 24'),
        ),
    ),
  ),
  minute: z.optional(
    z.pipe(
      integerLike('The minute must be 0 to 55 in steps of 5'),
      z
        .int()
        .check(
          z.gte(0, 'The minute must be 0 to 55 in steps of 5'),
          z.lte(55, 'The minute must be 0 to 55 in steps of 5'),
          z.multipleOf(5, 'The minute must be 0 to 55 in steps of 5'),
        ),
    ),
  ),
};

/** Runs even when other fields failed, so one answer lists every faulty field (as the API does). */
export const scheduleRule = z.superRefine(
  (_body: unknown, ctx) => {
    const raw = ctx.value as Record<string, unknown>;
    const absent = (key: string) => raw[key] === undefined || raw[key] === null || raw[key] === '';
    if (absent('scheduledDeliveryDate')) {
      if (!absent('time') || !absent('minute')) {
        ctx.addIssue({
          code: 'custom',
          path: ['scheduledDeliveryDate'],
          message: 'The date is required',
          input: undefined,
        });
      }
      return;
    }
    if (absent('minute'))
      ctx.addIssue({ code: 'custom', path: ['minute'], message: 'The minute is required', input: undefined });
    if (absent('time'))
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'The time is required', input: undefined });
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

/** The options a single send and a bulk send share, in the order the docs list them. */
export const sendOptionsShape = {
  gamme: gammeField,
  sender: z.optional(senderField),
  tag: z.optional(tagField),
  ...scheduleShape,
  urlResponse: z.optional(z.string()),
  urlDlr: z.optional(z.string()),
  isStopSms: flag('isStopSms'),
  isUnicode: flag('isUnicode'),
  sandbox: flag('sandbox'),
  _format: responseFormat,
};

/** Field codes shared by the send family, in the order they are checked. */
export const sendFieldCodes = {
  apiKey: { missing: 1, invalid: 1 },
  phoneNumbers: { missing: 2 },
  message: { byIssue: { invalid_format: 43 } },
  sender: { byIssue: { invalid_format: 44 } },
  scheduledDeliveryDate: { missing: 45, invalid: 49 },
  time: { invalid: 46 },
  minute: { byIssue: { not_multiple_of: 48 }, invalid: 47 },
} as const;

/**
 * POST /v1/send, JSON body [official; send.md §1]. Declared as the wire shape:
 * what a client sends and what the mock validates. Clock-dependent rules (a
 * scheduled date in the past, the marketing window) and account rules
 * (credits, STOP list, Unicode) are not schema rules; the mock applies them.
 */
export const sendSmsRequest = z
  .object({
    apiKey: requiredString('API key is required'),
    phoneNumbers: requiredString('The phoneNumbers field is required'),
    message: messageField,
    ...sendOptionsShape,
  })
  .check(scheduleRule);
export type SendSmsRequest = z.input<typeof sendSmsRequest>;

/** The registry entry of POST /v1/send: {@link sendSmsRoute} plus the request side. */
export const sendSms = defineEndpoint({
  ...sendSmsRoute,
  summary: 'Send one text to one or many recipients, now or scheduled',
  request: sendSmsRequest,
  fieldCodes: sendFieldCodes,
  states: [
    'an account with credits',
    'an account without credits',
    'an account with settings',
    'a fault is injected',
  ],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      phoneNumbers: '+33600000000',
      message: 'Your appointment is confirmed for tomorrow 9:00',
      sender: 'MyCompany',
      scheduledDeliveryDate: '21/10/2030',
      time: 9,
      minute: 0,
    },
    response: {
      success: true,
      code: 200,
      message_id: 2270142,
      nb_sms: 1,
      cost: 0.038,
      currency: 'EUR',
      scheduledDeliveryDate: '2030-10-21 09:00:00',
    },
  },
});

import * as z from 'zod/mini';
import { flag, integerLike, responseFormat } from '../../core/fields.js';

/**
 * What the send family's requests share: field schemas, the scheduling rule
 * and the codes of fields that have their own. Each send endpoint's
 * `entry.ts` composes its request from these.
 */

/** Sender [official]: 3 to 11 characters, "no special characters" (read as: letters, digits and spaces). */
export const senderField = z
  .string({ error: 'The sender must be a string' })
  .check(
    z.minLength(3, { error: 'The sender must be at least 3 characters long' }),
    z.maxLength(11, { error: 'The sender cannot be longer than 11 characters' }),
    z.regex(/^[A-Za-z0-9 ]*$/, { error: 'The sender may only contain letters, digits and spaces' }),
  );

/**
 * `sender` as the send family takes it: an empty sender means none, so the
 * operator's short code is used (e.g. 36xxx) [official send pages].
 */
export const optionalSender = z.optional(
  z.pipe(
    z.pipe(
      z.string({ error: 'The sender must be a string' }),
      z.transform((value: string) => (value === '' ? undefined : value)),
    ),
    z.optional(senderField),
  ),
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
  sender: optionalSender,
  tag: z.optional(tagField),
  ...scheduleShape,
  urlResponse: z.optional(z.string()),
  urlDlr: z.optional(z.string()),
  isStopSms: flag('isStopSms'),
  isUnicode: flag('isUnicode'),
  sandbox: flag('sandbox'),
  _format: responseFormat,
};

/**
 * The order the send family lists code-9 items in, as recorded real traffic
 * does (`send_sms_error.json`): message, numbers, sender, then the schedule
 * with minute before time. Each endpoint names its numbers field its own way.
 */
export const sendValidationOrder = [
  'message',
  'phoneNumbers',
  'to',
  'SMSList',
  'sender',
  'scheduledDeliveryDate',
  'minute',
  'time',
] as const;

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

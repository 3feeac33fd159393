import * as z from 'zod/mini';
import { sendSmsCodes } from '../codes.js';
import { successEnvelope } from '../envelope.js';
import { defineEndpoint } from './define.js';
import { integerLike, messageId, requiredString, responseFormat } from './fields.js';

const flag = (name: string) =>
  z.optional(
    z.pipe(
      integerLike(`The ${name} flag must be 0 or 1`),
      z
        .int()
        .check(
          z.gte(0, { error: `The ${name} flag must be 0 or 1` }),
          z.lte(1, { error: `The ${name} flag must be 0 or 1` }),
        ),
    ),
  );

/**
 * POST /v1/send, JSON body [official; send.md §1]. Declared as the wire shape:
 * what a client sends and what the mock validates. Clock-dependent rules (a
 * scheduled date in the past) and account rules (credits) are not schema
 * rules; the mock applies them after parsing.
 */
export const sendSmsRequest = z
  .object({
    apiKey: requiredString('API key is required'),
    phoneNumbers: requiredString('The phoneNumbers field is required'),
    message: requiredString('The message is required'),
    gamme: z.optional(
      z.pipe(
        integerLike('The range must be 1 (Premium) or 2 (Low Cost)'),
        z.union([z.literal(1), z.literal(2)], { error: 'The range must be 1 (Premium) or 2 (Low Cost)' }),
      ),
    ),
    sender: z.optional(
      z
        .string({ error: 'The sender must be a string' })
        .check(
          z.minLength(3, { error: 'The sender must be at least 3 characters long' }),
          z.maxLength(11, { error: 'The sender cannot be longer than 11 characters' }),
        ),
    ),
    tag: z.optional(z.string({ error: 'The tag must be a string' })),
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
            z.gte(0, { error: 'The time must be an hour from 0 to 24' }),
            z.lte(24, { error: 'The time must be an hour from 0 to 24' }),
          ),
      ),
    ),
    minute: z.optional(
      z.pipe(
        integerLike('The minute must be 0 to 55 in steps of 5'),
        z
          .int()
          .check(
            z.gte(0, { error: 'The minute must be 0 to 55 in steps of 5' }),
            z.lte(55, { error: 'The minute must be 0 to 55 in steps of 5' }),
            z.multipleOf(5, { error: 'The minute must be 0 to 55 in steps of 5' }),
          ),
      ),
    ),
    urlResponse: z.optional(z.string()),
    urlDlr: z.optional(z.string()),
    isStopSms: flag('isStopSms'),
    isUnicode: flag('isUnicode'),
    sandbox: flag('sandbox'),
    _format: responseFormat,
  })
  .check(
    // Runs even when other fields failed, so one answer lists every faulty field (as the API does).
    z.superRefine(
      (body, ctx) => {
        if (body.scheduledDeliveryDate === undefined) return;
        const raw = ctx.value as Record<string, unknown>;
        if (raw.minute === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['minute'],
            message: 'The minute is required',
            input: undefined,
          });
        }
        if (raw.time === undefined) {
          ctx.addIssue({ code: 'custom', path: ['time'], message: 'The time is required', input: undefined });
        }
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );
export type SendSmsRequest = z.input<typeof sendSmsRequest>;

/**
 * The success body, in wire order [community; recorded `send_sms.json`].
 * `scheduledDeliveryDate` (`yyyy-MM-dd HH:mm:ss`, Paris time) is echoed for
 * scheduled sends only [recorded].
 */
export const sendSmsResponse = z.object({
  ...successEnvelope.shape,
  message_id: messageId,
  nb_sms: z.number(),
  cost: z.number(),
  currency: z.string(),
  scheduledDeliveryDate: z.optional(z.string()),
});
export type SendSmsResponse = z.infer<typeof sendSmsResponse>;

export const sendSms = defineEndpoint({
  method: 'POST',
  path: '/v1/send',
  summary: 'Send one text to one or many recipients, now or scheduled',
  request: sendSmsRequest,
  response: sendSmsResponse,
  codes: sendSmsCodes,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    phoneNumbers: { missing: 2 },
  },
  states: ['an account with credits', 'an account without credits'],
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

import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { flag, integerLike, requiredString } from '../../../core/fields.js';
import {
  messageField,
  optionalSender,
  scheduleRule,
  scheduleShape,
  sendFieldCodes,
  sendValidationOrder,
} from '../../sms/send-fields.js';
import { rcsRichContent } from '../rich-content.js';
import { sendRcsRoute } from './route.js';

/**
 * `failover` [official]: the SMS sent instead when the RCS message cannot be
 * delivered, with the single send's `sender`, `message`, `isStopSms` and
 * `isUnicode`.
 */
export const rcsFailover = z.object(
  {
    sender: optionalSender,
    message: messageField,
    isStopSms: flag('isStopSms'),
    isUnicode: flag('isUnicode'),
  },
  { error: 'The failover must be an object with the fallback SMS' },
);
export type RcsFailover = z.infer<typeof rcsFailover>;

/**
 * POST /v1/rcs/send, JSON body [official]. `phoneNumbers` is a list in the
 * page's JSON examples and a comma-separated string in its table: both are
 * read. `isUnicode` is required (the examples send 1). Scheduling is the send
 * family's. No `sandbox`, `tag`, `urlDlr` or `_format` is documented.
 */
export const sendRcsRequest = z
  .object({
    apiKey: requiredString('API key is required'),
    phoneNumbers: z.union(
      [
        requiredString('The phoneNumbers field is required'),
        z.array(z.string({ error: 'Each phone number must be a string' })),
      ],
      { error: 'The phoneNumbers field is required' },
    ),
    isUnicode: z.pipe(
      integerLike('The isUnicode field is required (1)'),
      z
        .int()
        .check(z.gte(0, 'The isUnicode flag must be 0 or 1'), z.lte(1, 'The isUnicode flag must be 0 or 1')),
    ),
    richContent: rcsRichContent,
    failover: z.optional(rcsFailover),
    ...scheduleShape,
  })
  .check(scheduleRule);
export type SendRcsRequest = z.input<typeof sendRcsRequest>;

/** The registry entry of POST /v1/rcs/send: {@link sendRcsRoute} plus the request side. */
export const sendRcs = defineEndpoint(sendRcsRoute, {
  summary:
    'Send an RCS message (text, file or rich card, with reply suggestions), SMS fallback, now or scheduled',
  request: sendRcsRequest,
  validationOrder: ['phoneNumbers', 'isUnicode', 'richContent', 'failover', ...sendValidationOrder],
  fieldCodes: {
    apiKey: sendFieldCodes.apiKey,
    phoneNumbers: { missing: 2 },
    scheduledDeliveryDate: sendFieldCodes.scheduledDeliveryDate,
    time: sendFieldCodes.time,
    minute: sendFieldCodes.minute,
  },
  states: [
    'an account with credits',
    'an account without credits',
    'an account with settings',
    'a fault is injected',
  ],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      isUnicode: 1,
      phoneNumbers: ['+33612345678'],
      richContent: {
        conversation: {
          text: 'Your parcel arrives tomorrow. Shall we keep the slot?',
          suggestions: [
            { reply: { text: 'Yes', postbackData: 'slot_yes' } },
            { reply: { text: 'Change it', postbackData: 'slot_change' } },
          ],
        },
      },
      failover: { sender: 'MyBrand', message: 'Your parcel arrives tomorrow.', isStopSms: 1, isUnicode: 1 },
    },
    response: { success: true, code: 200, message_id: 1000, nb_rcs: 1, cost: 0.12, currency: 'EUR' },
  },
});

export * from './route.js';

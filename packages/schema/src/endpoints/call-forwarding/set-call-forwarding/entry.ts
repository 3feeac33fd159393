import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { integerLike, requiredString } from '../../../core/fields.js';
import { setCallForwardingRoute } from './route.js';

/** The three modes of `type` [official]: 0 disabled, 1 forwarding to a number, 2 voicemail to an e-mail. */
export const CALL_FORWARDING_TYPES = { disabled: 0, forward: 1, voicemail: 2 } as const;

/**
 * POST /v1/vn/callforward, JSON body [official]. `number` is the rented
 * virtual number (written as `from` is on POST /v1/vn/send: `33700000000`);
 * `param` is empty for type 0, the forwarding number for type 1, the e-mail
 * told of new voicemail for type 2. No `_format` is documented.
 */
export const setCallForwardingRequest = z.object({
  apiKey: requiredString('API key is required'),
  number: requiredString('The virtual number is required'),
  type: z.pipe(
    integerLike('The type is invalid'),
    z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'The type is invalid' }),
  ),
  param: z.optional(z.string({ error: 'The param field is required' })),
});
export type SetCallForwardingRequest = z.input<typeof setCallForwardingRequest>;

/** The success messages: the documented one for type 0, the mock's for types 1 and 2. */
export const CALL_FORWARDING_MESSAGES = {
  0: 'Callforward disabled',
  1: 'Callforward enabled',
  2: 'Voicemail enabled',
} as const;

/** The registry entry of POST /v1/vn/callforward: {@link setCallForwardingRoute} plus the request side. */
export const setCallForwarding = defineEndpoint(setCallForwardingRoute, {
  summary: 'Forward calls to a rented virtual number to a phone, to voicemail, or turn forwarding off',
  request: setCallForwardingRequest,
  // Both key checks answer 10: the page gives 10 for a missing key and nothing for an unknown one.
  auth: { missing: 10, unknown: 10 },
  // Code 9 is not a validation list here: every field that can fail has a code of its own.
  validationList: false,
  fieldCodes: {
    apiKey: { missing: 10, invalid: 10 },
    number: { missing: 5, invalid: 5 },
    type: { missing: 6, invalid: 7 },
    param: { invalid: 8 },
  },
  successCode: 2,
  states: ['an account with settings', 'a virtual number with call forwarding'],
  example: {
    // The documented pair: turning forwarding off (from the state where it is on).
    request: { apiKey: 'YOUR_API_KEY', number: '33700000000', type: 0, param: '' },
    response: { success: true, code: 2, message: CALL_FORWARDING_MESSAGES[0] },
  },
});

export * from './route.js';

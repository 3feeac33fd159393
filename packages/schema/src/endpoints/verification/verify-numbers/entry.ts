import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { optionalText, VERIFICATION_RATE_LIMIT, verificationNumbersField } from '../numbers-field.js';
import { verifyNumbersRoute } from './route.js';

/**
 * POST /v1/hlr/notify, JSON body [official; community]. `tag` is documented
 * as at most 20 characters, but no code refuses a longer one (or a value that
 * is not text): it is kept as given. `notifyUrl` receives the results, one
 * POST per number.
 */
export const verifyNumbersRequest = z.object({
  apiKey: requiredString('API key is required'),
  phoneNumbers: verificationNumbersField,
  tag: optionalText,
  notifyUrl: optionalText,
  _format: responseFormat,
});
export type VerifyNumbersRequest = z.input<typeof verifyNumbersRequest>;

/** The registry entry of POST /v1/hlr/notify: {@link verifyNumbersRoute} plus the request side. */
export const verifyNumbers = defineEndpoint(verifyNumbersRoute, {
  summary: 'Check with the operator networks (HLR) that mobile numbers exist; results go to notifyUrl',
  request: verifyNumbersRequest,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    phoneNumbers: { missing: 2, invalid: 2 },
  },
  rateLimit: VERIFICATION_RATE_LIMIT,
  states: [
    'an account with credits',
    'an account without credits',
    'an account with settings',
    'the rate limit is reached',
  ],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      phoneNumbers: '+33600000000',
      notifyUrl: 'https://example.com/hlr',
    },
    response: {
      success: true,
      code: 200,
      campaign_id: 'HLR2271467',
      number: 1,
      cost: 0.005,
      currency: 'EUR',
    },
  },
});

export * from './route.js';

import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { VERIFICATION_RATE_LIMIT, verificationNumbersField } from '../numbers-field.js';
import { lookupNumbersRoute } from './route.js';

/** POST /v1/lookup, JSON body [official]. */
export const lookupNumbersRequest = z.object({
  apiKey: requiredString('API key is required'),
  phoneNumbers: verificationNumbersField,
  _format: responseFormat,
});
export type LookupNumbersRequest = z.input<typeof lookupNumbersRequest>;

/** The registry entry of POST /v1/lookup: {@link lookupNumbersRoute} plus the request side. */
export const lookupNumbers = defineEndpoint(lookupNumbersRoute, {
  summary: 'Check and normalise the format of numbers (free): country, type and four formats per number',
  request: lookupNumbersRequest,
  fieldCodes: { apiKey: { missing: 1, invalid: 1 }, phoneNumbers: { missing: 2, invalid: 2 } },
  rateLimit: VERIFICATION_RATE_LIMIT,
  states: ['an account with credits', 'an account with settings', 'the rate limit is reached'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', phoneNumbers: '+33612345678' },
    response: {
      success: true,
      code: 200,
      lookup: [
        {
          request: '+33612345678',
          success: true,
          countryCode: 'France',
          prefixCode: 33,
          phoneNumber: '+33612345678',
          type: 'Mobile',
          network: '',
          format: {
            e164: '+33612345678',
            international: '+33 6 12 34 56 78',
            national: '06 12 34 56 78',
            rfc3966: 'tel:+33-6-12-34-56-78',
          },
        },
      ],
    },
  },
});

export * from './route.js';

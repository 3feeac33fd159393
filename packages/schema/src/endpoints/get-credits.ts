import * as z from 'zod/mini';
import { creditsCodes } from '../codes.js';
import { successEnvelope } from '../envelope.js';
import { defineEndpoint } from './define.js';
import { requiredString, responseFormat } from './fields.js';

/** GET /v1/me, query string [official credits page]. */
export const getCreditsRequest = z.object({
  apiKey: requiredString('API key is required'),
  _format: responseFormat,
});
export type GetCreditsRequest = z.input<typeof getCreditsRequest>;

/** A count that travels as a number, or as a string of digits in some answers. */
const count = z.union([z.int(), z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number))]);

/**
 * The success body [official], in wire order. `creditSmsECO` replaced
 * `creditSmsLowCost` (still in recorded traffic): either may come. `solde` and
 * `balance` are the same money balance, as decimal strings.
 */
export const getCreditsResponse = z.object({
  ...successEnvelope.shape,
  user: z.object({
    username: z.string(),
    firstname: z.optional(z.string()),
    lastname: z.optional(z.string()),
  }),
  credits: z.object({
    creditSms: count,
    creditSmsECO: z.optional(count),
    creditHlr: count,
    toSend: count,
    solde: z.optional(z.string()),
    currency: z.string(),
    balance: z.string(),
    // Last: it is the older name of creditSmsECO (recorded traffic), not an eighth XML entry.
    creditSmsLowCost: z.optional(count),
  }),
});
export type GetCreditsResponse = z.infer<typeof getCreditsResponse>;

export const getCredits = defineEndpoint({
  method: 'GET',
  path: '/v1/me',
  summary: "The account's SMS credits per range, HLR credits, SMS waiting to go and money balance",
  request: getCreditsRequest,
  response: getCreditsResponse,
  codes: creditsCodes,
  fieldCodes: { apiKey: { missing: 1, invalid: 1 } },
  states: ['an account with credits', 'an account with settings'],
  xmlNamedKeys: ['user'],
  example: {
    request: { apiKey: 'YOUR_API_KEY' },
    response: {
      success: true,
      code: 200,
      user: { username: 'exemple@email.com', firstname: 'John', lastname: 'Doe' },
      credits: {
        creditSms: 269082,
        creditSmsECO: 444570,
        creditHlr: 2045023,
        toSend: 0,
        solde: '10225.119',
        currency: 'EUR',
        balance: '10225.119',
      },
    },
  },
});

import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { getCreditsRoute } from './route.js';

/** GET /v1/me, query string [official credits page]. */
export const getCreditsRequest = z.object({
  apiKey: requiredString('API key is required'),
  _format: responseFormat,
});
export type GetCreditsRequest = z.input<typeof getCreditsRequest>;

/** The registry entry of GET /v1/me: {@link getCreditsRoute} plus the request side. */
export const getCredits = defineEndpoint(getCreditsRoute, {
  summary: "The account's SMS credits per range, HLR credits, SMS waiting to go and money balance",
  request: getCreditsRequest,
  fieldCodes: { apiKey: { missing: 1, invalid: 1 } },
  states: ['an account with credits', 'an account with settings'],
  xmlNamedKeys: ['user'],
  // The XML credits block has 7 entries (credits.md); the older name travels in JSON only.
  xmlOmit: ['credits.creditSmsLowCost'],
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

export * from './route.js';

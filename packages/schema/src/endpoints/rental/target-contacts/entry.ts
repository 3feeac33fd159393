import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { targetContactsRoute } from './route.js';

/** The operations [official]: count and price (`calcul`), price only (`price`), rent the file (`rent`). */
export const RENTAL_OPERATIONS = ['calcul', 'price', 'rent'] as const;
export type RentalOperation = (typeof RENTAL_OPERATIONS)[number];

/**
 * POST /v1/location/optin, JSON body [official]. `parameters` holds the
 * targeting criteria, checked field by field with their own codes (7–23, see
 * `checkTargeting`); `volumes` the volume wanted per postcode or department,
 * for `price` and `rent` (24–28, see `readVolumes`). `urlNotification` is
 * named only by the Error Codes page's code 5.
 */
export const targetContactsRequest = z.object({
  apiKey: requiredString('API key is required'),
  op: z.enum(RENTAL_OPERATIONS, { error: 'Operation not authorised' }),
  parameters: z.record(z.string(), z.unknown(), { error: 'The parameters field is required' }),
  volumes: z.optional(z.unknown()),
  urlNotification: z.optional(z.httpUrl({ error: 'The notification URL (urlNotification) is not valid' })),
  _format: responseFormat,
});
export type TargetContactsRequest = z.input<typeof targetContactsRequest>;

/** The registry entry of POST /v1/location/optin: {@link targetContactsRoute} plus the request side. */
export const targetContacts = defineEndpoint(targetContactsRoute, {
  summary: 'Count, price or rent a file of opt-in contacts matching a target (sex, ages, interests, places)',
  request: targetContactsRequest,
  // Code 9 is not a validation list here: every field that can fail has a code of its own.
  validationList: false,
  fieldCodes: {
    apiKey: { missing: 1, invalid: 1 },
    parameters: { missing: 3, invalid: 3 },
    op: { missing: 4, invalid: 6 },
    urlNotification: { missing: 5, invalid: 5 },
  },
  successCode: null,
  states: ['an account with credits', 'an account without credits', 'an account with settings'],
  example: {
    request: {
      apiKey: 'YOUR_API_KEY',
      op: 'price',
      parameters: {
        sexe: 'm',
        minAge: '25',
        maxAge: '35',
        zipcode: '60200',
        interest: 14,
        subInterest: 35,
      },
      volumes: { '60200': 20 },
    },
    response: {
      success: true,
      op: 'price',
      datas: [
        { Type: 'CP', Localite: '60200', Volume: 20 },
        { Type: 'total', Localite: 'total', Volume: 20 },
      ],
      cost: { quantity: 20, total: 1.8, cost_unity: 0.09 },
    },
  },
});

export * from './route.js';

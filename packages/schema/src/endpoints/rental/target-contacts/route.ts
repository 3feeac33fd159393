import * as z from 'zod/mini';
import { accountGateCodes, authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';

/** One row of `datas` [official]: a locality (`CP` postcode, `DEP` department) or the `total` row. */
export const rentalRow = z.object({
  Type: z.string(),
  Localite: z.string(),
  Volume: z.number(),
});
export type RentalRow = z.infer<typeof rentalRow>;

/** The price of the contacts counted [official]: how many, the total and the unit price, in EUR. */
export const rentalCost = z.object({
  quantity: z.number(),
  total: z.number(),
  cost_unity: z.number(),
});

/**
 * The success body [official, shown for `op: "price"`]: no `code` key. The
 * answer to `rent` is not documented; the mock's adds the rental `token` that
 * GET /v1/location/status takes.
 */
export const targetContactsResponse = z.object({
  success: z.literal(true),
  op: z.string(),
  datas: z.array(rentalRow),
  cost: rentalCost,
  token: z.optional(z.string()),
});
export type TargetContactsResponse = z.infer<typeof targetContactsResponse>;

/**
 * Codes of POST /v1/location/optin: the page's 1 and 10, and the Error Codes
 * page's "Location" table for the targeting and the rent (the download codes
 * 31–36 belong to the status and download pages).
 */
export const targetContactsCodes = {
  ...authCodes,
  96: accountGateCodes[96],
  3: { message: 'The parameters field is required', source: 'community' },
  4: { message: 'The op field is required', source: 'community' },
  5: { message: 'The notification URL (urlNotification) is not valid', source: 'community' },
  6: { message: 'Operation not authorised', source: 'community' },
  7: { message: 'The sex (sexe) is required', source: 'community' },
  8: { message: 'The sex (sexe) must be m, h or f', source: 'official' },
  9: { message: 'The minimum age (minAge) is required', source: 'community' },
  11: { message: 'Insufficient credit', source: 'community' },
  12: { message: 'The minimum age (minAge) must be greater than 17', source: 'community' },
  13: { message: 'The maximum age (maxAge) is required', source: 'community' },
  14: { message: 'The maximum age (maxAge) must be less than 99', source: 'community' },
  15: { message: 'The interest must be greater than 0', source: 'community' },
  16: { message: 'The interest cannot be empty', source: 'community' },
  17: { message: 'The subInterest must not be empty', source: 'community' },
  18: { message: 'The subInterest must be greater than 0', source: 'community' },
  19: { message: 'The interest or the subInterest is required', source: 'community' },
  22: { message: 'The category must not be empty', source: 'community' },
  23: { message: 'The category must be greater than 0', source: 'community' },
  24: { message: 'The Type is required', source: 'community' },
  25: { message: 'The Localite is required', source: 'community' },
  26: { message: 'The Volume is required', source: 'community' },
  27: { message: 'The desired volume exceeds the available volume', source: 'community' },
  28: { message: 'The desired volume cannot exceed the total volume', source: 'community' },
  61: { message: 'The request looks invalid and returned no result', source: 'community' },
} as const satisfies CodeCatalogue;
export type TargetContactsCode = keyof typeof targetContactsCodes;

/** POST /v1/location/optin: the client's part of the `targetContacts` registry entry. */
export const targetContactsRoute = defineRoute({
  name: 'targetContacts',
  method: 'POST',
  path: '/v1/location/optin',
  xml: true,
  response: targetContactsResponse,
  codes: targetContactsCodes,
});

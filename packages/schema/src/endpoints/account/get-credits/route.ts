import * as z from 'zod/mini';
import { accountGateCodes, authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

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

/** Codes of GET /v1/me. The page lists 10 only; 1 for a missing key is the family-wide value. */
export const creditsCodes = { ...authCodes, ...accountGateCodes } as const satisfies CodeCatalogue;
export type CreditsCode = keyof typeof creditsCodes;

/** GET /v1/me: the client's part of the `getCredits` registry entry. */
export const getCreditsRoute = defineRoute({
  name: 'getCredits',
  method: 'GET',
  path: '/v1/me',
  xml: true,
  response: getCreditsResponse,
  codes: creditsCodes,
});

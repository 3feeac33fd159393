import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { verificationCodes } from '../numbers-field.js';

/**
 * The success body, in wire order [community; recorded `verify_number.json`]:
 * `campaign_id` a string prefixed `HLR`, `number` the count of numbers
 * verified, `cost` a number, `currency`.
 */
export const verifyNumbersResponse = z.object({
  ...successEnvelope.shape,
  campaign_id: z.string(),
  number: z.number(),
  cost: z.number(),
  currency: z.string(),
});
export type VerifyNumbersResponse = z.infer<typeof verifyNumbersResponse>;

/**
 * Codes of POST /v1/hlr/notify: the verification pages' shared codes, plus
 * what the Error Codes page's "Number Verification" table adds for a paid
 * lookup: 11 (HLR credits), 13 (destination not priced), 14 (STOP list).
 */
export const verifyNumbersCodes = {
  ...verificationCodes,
  11: { message: 'Insufficient HLR credit', source: 'community' },
  13: { message: 'No default price found for this destination', source: 'community' },
  14: { message: 'The number is in the STOP SMS list', source: 'community' },
} as const satisfies CodeCatalogue;
export type VerifyNumbersCode = keyof typeof verifyNumbersCodes;

/** POST /v1/hlr/notify: the client's part of the `verifyNumbers` registry entry. */
export const verifyNumbersRoute = defineRoute({
  name: 'verifyNumbers',
  method: 'POST',
  path: '/v1/hlr/notify',
  xml: true,
  response: verifyNumbersResponse,
  codes: verifyNumbersCodes,
});

import * as z from 'zod/mini';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { verificationCodes } from '../numbers-field.js';

/**
 * One number that could be read [official; recorded `lookup.json`]:
 * `countryCode` is a country name (or empty), `prefixCode` the calling code,
 * `type` e.g. `Mobile`, `network` the operator's name or empty, and the four
 * libphonenumber formats.
 */
export const lookupFound = z.object({
  request: z.string(),
  success: z.literal(true),
  countryCode: z.string(),
  prefixCode: z.number(),
  phoneNumber: z.string(),
  type: z.string(),
  network: z.string(),
  format: z.object({
    e164: z.string(),
    international: z.string(),
    national: z.string(),
    rfc3966: z.string(),
  }),
});

/** One item that could not be read: only the request echoed, `success: false` and a message [recorded]. */
export const lookupNotFound = z.object({
  request: z.string(),
  success: z.literal(false),
  message: z.string(),
});

/** One item of `lookup`, per comma-separated input, in order. */
export const lookupItem = z.union([lookupFound, lookupNotFound]);
export type LookupItem = z.infer<typeof lookupItem>;

/** The success body [official; recorded]: top-level `success` stays true when an item fails. */
export const lookupNumbersResponse = z.object({
  ...successEnvelope.shape,
  lookup: z.array(lookupItem),
});
export type LookupNumbersResponse = z.infer<typeof lookupNumbersResponse>;

/** Codes of POST /v1/lookup: free, so no credit or price code; the verification pages' shared codes. */
export const lookupNumbersCodes = verificationCodes;
export type LookupNumbersCode = keyof typeof lookupNumbersCodes;

/** POST /v1/lookup: the client's part of the `lookupNumbers` registry entry. */
export const lookupNumbersRoute = defineRoute({
  name: 'lookupNumbers',
  method: 'POST',
  path: '/v1/lookup',
  xml: true,
  response: lookupNumbersResponse,
  codes: lookupNumbersCodes,
});

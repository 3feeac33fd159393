import * as z from 'zod/mini';
import { accountGateCodes, authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';

/**
 * A rental's status values [official-legacy]: 0 requested, 1 file being
 * created, 2 ready to download, 3 failed, 5 downloaded (4 is not listed).
 */
export const RENTAL_STATUSES = {
  0: 'Rental request made',
  1: 'File being created',
  2: 'File created: it can be downloaded',
  3: 'Rental request failed',
  5: 'File downloaded',
} as const;
export type RentalStatus = keyof typeof RENTAL_STATUSES;

/**
 * The success body. No example of it exists in any source, and the key that
 * carries the status is unknown: this shape (the token echoed and `status`,
 * one of {@link RENTAL_STATUSES}) is the project's.
 */
export const getRentalStatusResponse = z.object({
  ...successEnvelope.shape,
  token: z.string(),
  status: z.number(),
});
export type GetRentalStatusResponse = z.infer<typeof getRentalStatusResponse>;

/** Codes of GET /v1/location/status [official-legacy; Error Codes page "Location"]. */
export const getRentalStatusCodes = {
  ...authCodes,
  96: accountGateCodes[96],
  31: { message: 'The rental token is required', source: 'official-legacy' },
  32: { message: 'Rental request not found', source: 'official-legacy' },
} as const satisfies CodeCatalogue;
export type GetRentalStatusCode = keyof typeof getRentalStatusCodes;

/** GET /v1/location/status: the client's part of the `getRentalStatus` registry entry. */
export const getRentalStatusRoute = defineRoute({
  name: 'getRentalStatus',
  method: 'GET',
  path: '/v1/location/status',
  response: getRentalStatusResponse,
  codes: getRentalStatusCodes,
});

import { defineHandler } from '../../core/define-handler.js';
import { rentalStatusAt } from '../../rules/rental.js';

/**
 * GET /v1/location/status. After the pipeline (key, IP gate, 31 no token):
 * the account's rental by token (32 otherwise, another account's included)
 * and its status on the mock's clock (`rentalStatusAt`).
 */
export const getRentalStatus = defineHandler('getRentalStatus', (request, { account, state, now, fail }) => {
  const rental = state.rentals.find(account, request.token.trim());
  if (!rental) return fail(32);
  return { success: true, code: 200, token: rental.token, status: rentalStatusAt(rental.createdAt, now) };
});

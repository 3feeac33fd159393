/**
 * Prices of the services beside SMS, as decimal EUR strings, from the only
 * figures the docs give: an HLR lookup costs 0.005 per number (both HLR
 * examples), an RCS message 0.12 (the RCS answer for one number), a rented
 * contact 0.09 (`cost_unity` of the targeting answer). SMS Partner publishes
 * no price list in the API docs; these are the mock's defaults.
 */
export const SERVICE_PRICES = {
  /** One number checked by POST /v1/hlr/notify. */
  hlr: '0.005',
  /** One RCS message to one number (POST /v1/rcs/send); the SMS fallback is priced as an SMS. */
  rcs: '0.12',
  /** One contact of a rental file (POST /v1/location/optin). */
  rentalContact: '0.09',
} as const;

import { type GetCreditsResponse, getCreditsRoute } from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';

/**
 * The account's credits: `GET /v1/me`. Premium and Low Cost SMS credits,
 * HLR credits, SMS still waiting to go (`toSend`) and the money balance (a
 * decimal string). `creditSmsECO` replaced `creditSmsLowCost`, which older
 * accounts may still answer; {@link normalizeCredits} reads either.
 *
 * Rejects with `SmsPartnerApiError<CreditsCode>` (1, 10, 20, 30, 40, 96) or
 * a transport error. Retried on network errors, 429 and 5xx.
 *
 * @example
 * ```ts
 * const { credits } = await getCredits(transport);
 * console.log(credits.creditSms, credits.balance);
 * ```
 */
export async function getCredits(
  transport: SmsPartnerTransport,
  _input: Record<string, never> = {},
): Promise<GetCreditsResponse> {
  return transport.call(getCreditsRoute, {});
}

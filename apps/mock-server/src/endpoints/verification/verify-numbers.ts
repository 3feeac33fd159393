import { parseAmount, priceFor, SERVICE_PRICES, splitVerificationNumbers } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { hlrNumbers } from '../../rules/hlr.js';
import { euros } from '../sms/send-pipeline.js';

const HLR_PRICE_MICROS = parseAmount(SERVICE_PRICES.hlr) as number;

/**
 * POST /v1/hlr/notify. After the pipeline (key, rate limit, IP gate, 2): the
 * numbers split on commas (3, 55, 50); the international ones are looked up
 * (no number left: 55); a STOP-listed number refuses the request (14), as
 * does a destination the SMS price table does not price (13); then one HLR
 * credit per number (11). Each number's result (chosen by the test numbers of
 * `rules/hlr.ts`) is kept with the campaign (`GET /__mock/hlr`) and POSTed
 * to `notifyUrl`, one webhook per number, as soon as the answer is out.
 */
export const verifyNumbers = defineHandler('verifyNumbers', (request, { account, state, now, fail }) => {
  const split = splitVerificationNumbers(request.phoneNumbers);
  if (!split.ok) return fail(split.code);
  const numbers = hlrNumbers(split.items);
  if (numbers.length === 0) return fail(55);
  if (numbers.some(({ e164 }) => account.stopList.has(e164))) return fail(14);
  if (numbers.some(({ country }) => priceFor(state.prices, country, 'premium') === undefined))
    return fail(13);
  const verified = state.hlr.verify(
    account,
    { numbers, tag: request.tag, notifyUrl: request.notifyUrl },
    now,
  );
  if (!verified.ok) return fail(11);
  state.lifecycle.notifyHlr(account, verified.campaign);
  return {
    success: true,
    code: 200,
    campaign_id: verified.campaign.campaignId,
    number: numbers.length,
    cost: euros(numbers.length * HLR_PRICE_MICROS),
    currency: 'EUR',
  };
});

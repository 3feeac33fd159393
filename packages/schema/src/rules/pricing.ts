import { parseAmount } from './money.js';
import { checkPhoneNumber } from './phone.js';
import { DEFAULT_STOP_MENTION, type PreparedMessage, prepareMessage, SMS_LIMITS } from './sms-parts.js';

/** SMS Partner's two ranges: `gamme` 1 = Premium (default), 2 = Low Cost (ECO). */
export type Range = 'premium' | 'lowCost';

export function rangeOf(gamme: number | undefined): Range {
  return gamme === 2 ? 'lowCost' : 'premium';
}

/** Price of one SMS part per destination country (ISO 3166 code) and range, as decimal EUR strings. */
export type PriceTable = {
  readonly [country: string]: { readonly premium?: string; readonly lowCost?: string };
};

/**
 * The built-in price table. France's prices are the ones SMS Partner's own
 * examples imply: 0.038 EUR per Premium SMS (every send example) and 0.023 EUR
 * per Low Cost SMS (the credits example: 10225.119 EUR = 269 082 Premium
 * = 444 570 ECO credits). Other destinations are priced at the French Premium
 * price as a placeholder (SMS Partner does not publish them in the API docs);
 * Low Cost is France only. Morocco is 0.04 EUR, the cost of the recorded
 * status of an SMS to +212620123456 (`v1/testdata/status.json`). A
 * destination missing here answers code 13. Configure real prices in the
 * mock's config (`prices`).
 */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  FR: { premium: '0.038', lowCost: '0.023' },
  MA: { premium: '0.04' },
  ...Object.fromEntries(
    [
      'BE',
      'CH',
      'DE',
      'ES',
      'IT',
      'LU',
      'MC',
      'NL',
      'PT',
      'GB',
      'IE',
      'AT',
      'GP',
      'MQ',
      'GF',
      'RE',
      'YT',
      'PM',
      'BL',
      'MF',
      'NC',
      'PF',
      'WF',
    ].map((country) => [country, { premium: '0.038' }]),
  ),
};

/** The price of one part, in micro-euros, or undefined when the destination is not priced for that range. */
export function priceFor(table: PriceTable, country: string | undefined, range: Range): number | undefined {
  const text = country === undefined ? undefined : table[country]?.[range];
  return text === undefined ? undefined : parseAmount(text);
}

export interface EstimateInput {
  message: string;
  phoneNumbers: string | readonly string[];
  /** 1 Premium (default), 2 Low Cost. */
  gamme?: 1 | 2 | undefined;
  isUnicode?: boolean | undefined;
  /** Appends the STOP mention (Premium only), which counts in the length. */
  isStopSms?: boolean | undefined;
}

export interface EstimateRecipient {
  input: string;
  /** E.164 form when the number is valid. */
  e164: string | undefined;
  country: string | undefined;
  /** Price of one part in micro-euros; undefined when invalid or not priced (code 13). */
  priceMicros: number | undefined;
}

/** Why a send would be refused, with the code the API answers. */
export type EstimateProblem =
  | { code: 9; reason: 'invalid-number'; number: string }
  | { code: 13; reason: 'not-priced'; number: string }
  | { code: 42; reason: 'low-cost-too-long' }
  | { code: 50; reason: 'too-many-numbers' }
  | { code: 52; reason: 'too-many-parts' }
  | { code: 55; reason: 'no-number' };

export interface Estimate {
  range: Range;
  message: PreparedMessage;
  recipients: EstimateRecipient[];
  /** Parts × valid recipients: what `nb_sms` will say. */
  nbSms: number;
  /** Total in micro-euros, exact. */
  costMicros: number;
  problems: EstimateProblem[];
}

/** Recipients per request [official]. */
export const MAX_RECIPIENTS = 500;

/**
 * The offline estimate of a send: parts, encoding, replaced characters, cost,
 * and the codes the API would answer. The mock prices sends with this very
 * function, so the estimate and the mock never disagree.
 */
export function estimateSend(
  input: EstimateInput,
  options: { prices?: PriceTable; stopMention?: string } = {},
): Estimate {
  const prices = options.prices ?? DEFAULT_PRICE_TABLE;
  const range = rangeOf(input.gamme);
  const numbers = (
    typeof input.phoneNumbers === 'string' ? input.phoneNumbers.split(',') : [...input.phoneNumbers]
  )
    .map((number) => number.trim())
    .filter((number) => number !== '');
  const stop =
    input.isStopSms && range === 'premium' ? (options.stopMention ?? DEFAULT_STOP_MENTION) : undefined;
  const message = prepareMessage(input.message, {
    unicode: input.isUnicode === true,
    ...(stop ? { stopMention: stop } : {}),
  });
  const problems: EstimateProblem[] = [];
  if (numbers.length === 0) problems.push({ code: 55, reason: 'no-number' });
  if (numbers.length > MAX_RECIPIENTS) problems.push({ code: 50, reason: 'too-many-numbers' });
  if (range === 'lowCost' && message.units > SMS_LIMITS.gsm.single)
    problems.push({ code: 42, reason: 'low-cost-too-long' });
  if (message.parts > SMS_LIMITS.maxParts) problems.push({ code: 52, reason: 'too-many-parts' });
  const recipients = numbers.map((number): EstimateRecipient => {
    const checked = checkPhoneNumber(number);
    if (!checked.valid) {
      problems.push({ code: 9, reason: 'invalid-number', number });
      return { input: number, e164: undefined, country: undefined, priceMicros: undefined };
    }
    const priceMicros = priceFor(prices, checked.country, range);
    if (priceMicros === undefined) problems.push({ code: 13, reason: 'not-priced', number });
    return { input: number, e164: checked.e164, country: checked.country, priceMicros };
  });
  const priced = recipients.filter((recipient) => recipient.priceMicros !== undefined);
  return {
    range,
    message,
    recipients,
    nbSms: message.parts * priced.length,
    costMicros: priced.reduce((sum, recipient) => sum + message.parts * (recipient.priceMicros as number), 0),
    problems,
  };
}

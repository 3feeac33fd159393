import {
  formatAmount,
  fromParisWallTime,
  type StatisticsMonth,
  toParisWallTime,
} from '@smspartner-kit/schema';
import type { StoredMessage } from './message-state.js';

/**
 * Sending statistics as pure functions of the messages and the time: the
 * months of an interval (Paris time, as every date of the API), and what was
 * sent in each.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const monthStart = (year: number, month: number) =>
  fromParisWallTime({
    year: year + Math.floor((month - 1) / 12),
    month: ((((month - 1) % 12) + 12) % 12) + 1,
    day: 1,
    hour: 0,
    minute: 0,
  }).epochMs;

/** A period, [from, to) in epoch ms. */
export interface Period {
  readonly from: number;
  readonly to: number;
}

/**
 * `last_month`: the previous calendar month; `last_twelve_months`: the
 * twelve calendar months before the current one (as `last_month` leaves the
 * current month out: a decision, the docs do not say).
 */
export function namedPeriod(interval: 'last_month' | 'last_twelve_months', now: number): Period {
  const { year, month } = toParisWallTime(now);
  const to = monthStart(year, month);
  return { from: monthStart(year, month - (interval === 'last_month' ? 1 : 12)), to };
}

/** A `DD-MM-YYYY` day as the instant it starts in Paris; undefined for a day that does not exist. */
export function parisDay(text: string): number | undefined {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return fromParisWallTime({ year, month, day, hour: 0, minute: 0 }).epochMs;
}

/**
 * What was sent in a period, month by month (oldest first, months without a
 * send left out, as a grouped query would): SMS parts (`nb_send`) and their
 * cost, of messages sent by `now`, neither cancelled nor sandbox.
 */
export function monthlyStatistics(
  messages: Iterable<StoredMessage>,
  period: Period,
  now: number,
): StatisticsMonth[] {
  const months = new Map<number, { nbSms: number; costMicros: number }>();
  for (const message of messages) {
    if (message.cancelledAt !== undefined || message.sandbox) continue;
    if (message.sendAt < period.from || message.sendAt >= period.to || message.sendAt > now) continue;
    const { year, month } = toParisWallTime(message.sendAt);
    const key = year * 100 + month;
    const sums = months.get(key) ?? { nbSms: 0, costMicros: 0 };
    sums.nbSms += message.nbSms;
    sums.costMicros += message.costMicros;
    months.set(key, sums);
  }
  return [...months]
    .sort(([a], [b]) => a - b)
    .map(([key, sums]) => {
      const year = Math.floor(key / 100);
      const month = key % 100;
      return {
        month: MONTHS[month - 1] as string,
        year: String(year),
        m: String(month).padStart(2, '0'),
        date: Math.floor(monthStart(year, month) / 1000),
        type: 'month',
        cost: formatAmount(sums.costMicros, 3),
        nb_send: String(sums.nbSms),
      };
    });
}

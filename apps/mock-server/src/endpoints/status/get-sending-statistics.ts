import { elementIdFor } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { monthlyStatistics, namedPeriod, type Period, parisDay } from '../../rules/statistics.js';

/**
 * GET /v1/statistics/cost-resume. After the pipeline (1, 10; 429 past 5
 * requests a minute on the account's clock, with `Retry-After`; a code-9 list
 * for a bad `interval`, or a custom one without `from`/`to`): a code-9 item
 * for a day that does not exist or a `from` after `to`, else the months of
 * the period with what was sent (Paris time; `to` is included).
 */
export const getSendingStatistics = defineHandler(
  'getSendingStatistics',
  (request, { account, now, invalid }) => {
    let period: Period;
    if (request.interval === 'custom') {
      const from = parisDay(request.from ?? '');
      const to = parisDay(request.to ?? '');
      const items = [
        ...(from === undefined
          ? [{ elementId: elementIdFor('from'), message: 'This date does not exist' }]
          : []),
        ...(to === undefined ? [{ elementId: elementIdFor('to'), message: 'This date does not exist' }] : []),
      ];
      if (items.length > 0) return invalid(items);
      if ((from as number) > (to as number))
        return invalid([{ elementId: elementIdFor('from'), message: 'The from date is after the to date' }]);
      // To the end of the `to` day: the next day's start, read in Paris (a day may have 23 or 25 hours).
      const next = new Date((to as number) + 36 * 3_600_000);
      const end = parisDay(
        `${String(next.getUTCDate()).padStart(2, '0')}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-${next.getUTCFullYear()}`,
      );
      period = { from: from as number, to: end as number };
    } else {
      period = namedPeriod(request.interval, now);
    }
    return { success: true, datas: monthlyStatistics(account.messages.values(), period, now) };
  },
);

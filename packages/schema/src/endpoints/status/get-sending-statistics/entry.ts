import * as z from 'zod/mini';
import { defineEndpoint } from '../../../core/define.js';
import { requiredString, responseFormat } from '../../../core/fields.js';
import { getSendingStatisticsRoute } from './route.js';

/** The intervals [official]: the previous month, the last twelve months, or `from`–`to`. */
export const STATISTICS_INTERVALS = ['last_month', 'last_twelve_months', 'custom'] as const;
export type StatisticsInterval = (typeof STATISTICS_INTERVALS)[number];

const dayField = z.optional(
  z
    .string({ error: 'The date must be written DD-MM-YYYY' })
    .check(z.regex(/^\d{2}-\d{2}-\d{4}$/, { error: 'The date must be written DD-MM-YYYY' })),
);

/** A custom interval needs both dates [official]; runs even when other fields failed, so one answer lists all. */
const customRule = z.superRefine(
  (_body: unknown, ctx) => {
    const raw = ctx.value as Record<string, unknown>;
    if (raw.interval !== 'custom') return;
    for (const field of ['from', 'to']) {
      if (raw[field] === undefined || raw[field] === null || raw[field] === '') {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `The ${field} date is required with interval=custom`,
          input: undefined,
        });
      }
    }
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

/** GET /v1/statistics/cost-resume, query string [official]. */
export const getSendingStatisticsRequest = z
  .object({
    apiKey: requiredString('API key is required'),
    interval: z.enum(STATISTICS_INTERVALS, {
      error: 'The interval must be last_month, last_twelve_months or custom',
    }),
    from: dayField,
    to: dayField,
    _format: responseFormat,
  })
  .check(customRule);
export type GetSendingStatisticsRequest = z.input<typeof getSendingStatisticsRequest>;

/** The registry entry of GET /v1/statistics/cost-resume: {@link getSendingStatisticsRoute} plus the request side. */
export const getSendingStatistics = defineEndpoint(getSendingStatisticsRoute, {
  summary: 'SMS sent and their cost, month by month, over a period',
  request: getSendingStatisticsRequest,
  fieldCodes: { apiKey: { missing: 1, invalid: 1 } },
  rateLimit: { perMinute: 5 },
  successCode: null,
  states: ['an account with credits', 'a message with a delivery status', 'the rate limit is reached'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', interval: 'custom', from: '01-10-2021', to: '30-11-2021' },
    response: {
      success: true,
      datas: [
        {
          month: 'october',
          year: '2021',
          m: '10',
          date: 1633039200,
          type: 'month',
          cost: '49.174',
          nb_send: '1210',
        },
        {
          month: 'november',
          year: '2021',
          m: '11',
          date: 1635721200,
          type: 'month',
          cost: '67.674',
          nb_send: '1409',
        },
      ],
    },
  },
});

export * from './route.js';

import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue, rateLimitCodes } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';

/**
 * One month of the answer [official]: `month` a lowercase English month
 * name; `year`, `m`, `cost` and `nb_send` strings; `date` the month's first
 * instant in Paris as unix seconds (an integer); `type` `"month"`.
 */
export const statisticsMonth = z.object({
  month: z.string(),
  year: z.string(),
  m: z.string(),
  date: z.int(),
  type: z.string(),
  cost: z.string(),
  nb_send: z.string(),
});
export type StatisticsMonth = z.infer<typeof statisticsMonth>;

/** The success body [official]: no `code` key, unlike every other success. */
export const getSendingStatisticsResponse = z.object({
  success: z.literal(true),
  datas: z.array(statisticsMonth),
});
export type GetSendingStatisticsResponse = z.infer<typeof getSendingStatisticsResponse>;

/**
 * Codes of GET /v1/statistics/cost-resume: 1 and 10 [community]. The page
 * documents a limit of 5 requests per minute but not the answer over it, nor
 * one for a bad interval or date: 429 (with HTTP 429, as the HLR pages
 * document for their limit) and 9 (the validation list, as the send family
 * answers) are this project's decisions.
 */
export const getSendingStatisticsCodes = {
  ...authCodes,
  ...rateLimitCodes,
  9: { message: 'At least one constraint was not respected', source: 'mock' },
} as const satisfies CodeCatalogue;
export type GetSendingStatisticsCode = keyof typeof getSendingStatisticsCodes;

/** GET /v1/statistics/cost-resume: the client's part of the `getSendingStatistics` registry entry. */
export const getSendingStatisticsRoute = defineRoute({
  name: 'getSendingStatistics',
  method: 'GET',
  path: '/v1/statistics/cost-resume',
  xml: true,
  response: getSendingStatisticsResponse,
  codes: getSendingStatisticsCodes,
});

import {
  type GetBulkStatusResponse,
  type GetMessageStatusResponse,
  type GetMultiStatusResponse,
  type GetSendingStatisticsResponse,
  type GetStatusByTagResponse,
  getBulkStatusRoute,
  getMessageStatusRoute,
  getMultiStatusRoute,
  getSendingStatisticsRoute,
  getStatusByTagRoute,
  type StatisticsInterval,
} from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';

/**
 * The status and statistics family: thin calls, their wire quirks left as
 * the API answers them (`statut` here, `status` there; `messageId` a string
 * or a number; `stopSms` a boolean or `"0"`). `normalizeStatus` and
 * `normalizeStatusList` give every answer one shape.
 */

/** Input of {@link getMessageStatus}. */
export interface GetMessageStatusInput {
  /** The `message_id` a send answered. */
  readonly messageId: number | string;
  /** The recipient: international (`+336…`), or French national (`06…`). */
  readonly phoneNumber: string;
}

/**
 * One recipient's delivery status: `GET /v1/message-status`. Rejects with
 * `SmsPartnerApiError<GetMessageStatusCode>` (1, 2, 3, 4, 9, 10, 96) or a transport error.
 *
 * @example
 * ```ts
 * const { statut } = await getMessageStatus(transport, { messageId: 2270142, phoneNumber: '+33600000000' });
 * ```
 */
export function getMessageStatus(
  transport: SmsPartnerTransport,
  input: GetMessageStatusInput,
): Promise<GetMessageStatusResponse> {
  return transport.call('getMessageStatus', getMessageStatusRoute, {
    messageId: input.messageId,
    phoneNumber: input.phoneNumber,
  });
}

/** Input of {@link getMultiStatus}: up to 500 (phoneNumber, messageId) pairs. */
export interface GetMultiStatusInput {
  readonly pairs: ReadonlyArray<{ readonly phoneNumber: string; readonly messageId: number | string }>;
}

/**
 * The statuses of up to 500 pairs: `POST /v1/multi-status` with
 * `SMSStatut_List`. An unknown pair is an item with `code: 4` ("Number not
 * found"), not an error. Not retried (a POST).
 */
export function getMultiStatus(
  transport: SmsPartnerTransport,
  input: GetMultiStatusInput,
): Promise<GetMultiStatusResponse> {
  return transport.call('getMultiStatus', getMultiStatusRoute, {
    SMSStatut_List: input.pairs.map(({ phoneNumber, messageId }) => ({ phoneNumber, messageId })),
  });
}

/** Every recipient's status of one message: `GET /v1/bulk-status`. */
export function getBulkStatus(
  transport: SmsPartnerTransport,
  input: { readonly messageId: number | string },
): Promise<GetBulkStatusResponse> {
  return transport.call('getBulkStatus', getBulkStatusRoute, { messageId: input.messageId });
}

/** The statuses of the messages sent with a tag, a page at a time: `GET /v1/bulk-status-by-tag`. */
export function getStatusByTag(
  transport: SmsPartnerTransport,
  input: { readonly tag: string; readonly page?: number },
): Promise<GetStatusByTagResponse> {
  return transport.call('getStatusByTag', getStatusByTagRoute, { tag: input.tag, page: input.page });
}

/** Input of {@link getSendingStatistics}: a named interval, or a custom one with its days. */
export type GetSendingStatisticsInput =
  | { readonly interval: Exclude<StatisticsInterval, 'custom'> }
  | { readonly interval: 'custom'; readonly from: string; readonly to: string };

/**
 * SMS sent and their cost per month: `GET /v1/statistics/cost-resume`
 * (`from`/`to` as `DD-MM-YYYY`). Limited to 5 requests a minute: over it,
 * code 429 with HTTP 429 (the mock's reading; the docs do not say).
 */
export function getSendingStatistics(
  transport: SmsPartnerTransport,
  input: GetSendingStatisticsInput,
): Promise<GetSendingStatisticsResponse> {
  return transport.call('getSendingStatistics', getSendingStatisticsRoute, {
    interval: input.interval,
    ...(input.interval === 'custom' ? { from: input.from, to: input.to } : {}),
  });
}

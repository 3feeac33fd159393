// Named exports only: this file is the package's public surface, grouped by topic.
// biome-ignore-all assist/source/organizeImports: sections are ordered by topic, not by path

// Client
export { createSmsPartnerClient, type EndpointInput, type SmsPartnerClient } from './client.js';

// Transport and options (for apps that import single endpoint functions)
export {
  createTransport,
  DEFAULT_BASE_URL,
  type RetryOptions,
  type SmsPartnerClientOptions,
  type SmsPartnerTransport,
  type WireParams,
} from './transport.js';
export type { ResponseFormat, ResponseFormatPlugin } from './format.js';
export type { EndpointResult } from './answer.js';
export { isBrowserLike } from './environment.js';

// Endpoints
export { type SendSmsInput, scheduleFields, sendSms } from './endpoints/send-sms.js';
export { type CancelSmsInput, cancelSms } from './endpoints/cancel-sms.js';
export { getCredits } from './endpoints/get-credits.js';
export { type SendBulkSmsInput, sendBulkSms } from './endpoints/send-bulk-sms.js';
export { type SendVnSmsInput, sendVnSms } from './endpoints/send-vn-sms.js';
export { type SendSurveyInput, sendSurvey } from './endpoints/send-survey.js';
export {
  type GetMessageStatusInput,
  type GetMultiStatusInput,
  type GetSendingStatisticsInput,
  getBulkStatus,
  getMessageStatus,
  getMultiStatus,
  getSendingStatistics,
  getStatusByTag,
} from './endpoints/status.js';
export { addStopSms, deleteStopSms, listStopSms } from './endpoints/stop-sms.js';

// Answers in one shape. The offline estimate (`estimateSend`, `prepareMessage`,
// `formatAmount`, `DEFAULT_PRICE_TABLE`) is the `@smspartner-kit/client/estimate`
// entry: it carries libphonenumber-js, which apps that only send need not bundle.
export { type CreditsSummary, normalizeCredits, normalizeSendResult, type SendReceipt } from './normalize.js';
export { normalizeMessageStatus, normalizeStatusList, type RecipientStatusSummary } from './status.js';

// Webhook receivers: `parseReplyWebhook` and `parseDeliveryReceipt` are the
// `@smspartner-kit/client/webhooks` entry, for the server that receives them;
// an app that only calls the API does not bundle their schemas.
export { parseStatusDate } from '@smspartner-kit/schema';

// Errors and guards
export {
  type EndpointCode,
  isSmsPartnerApiError,
  isSmsPartnerConfigError,
  isSmsPartnerError,
  isSmsPartnerNetworkError,
  isSmsPartnerResponseError,
  isSmsPartnerScheduleError,
  isSmsPartnerTimeoutError,
  RAW_TEXT_LIMIT,
  SmsPartnerApiError,
  SmsPartnerConfigError,
  SmsPartnerError,
  SmsPartnerNetworkError,
  type SmsPartnerRequestInfo,
  SmsPartnerResponseError,
  type SmsPartnerResponseInfo,
  type SmsPartnerResponseIssue,
  type SmsPartnerResponseProblem,
  SmsPartnerScheduleError,
  SmsPartnerTimeoutError,
} from './errors.js';

// Not exported: the redactor (from the schema package) and the answer reader
// (`./answer.js`) are internals, observable through the errors they shape.

// Types re-exported from @smspartner-kit/schema, so callers need one import
export type {
  CancelSmsCode,
  CancelSmsResponse,
  CreditsCode,
  GetCreditsResponse,
  SendBulkSmsResponse,
  EndpointName,
  ScheduleFields,
  ScheduleProblem,
  SendSmsCode,
  SendSmsResponse,
  ValidationIssue,
  GetMessageStatusResponse,
  GetMultiStatusResponse,
  GetBulkStatusResponse,
  GetStatusByTagResponse,
  GetSendingStatisticsResponse,
  ListStopSmsResponse,
  AddStopSmsResponse,
  DeleteStopSmsResponse,
  GetMessageStatusCode,
  GetMultiStatusCode,
  GetBulkStatusCode,
  GetStatusByTagCode,
  GetSendingStatisticsCode,
  ListStopSmsCode,
  AddStopSmsCode,
  DeleteStopSmsCode,
} from '@smspartner-kit/schema';

// Named exports only: this file is the package's public surface, grouped by topic.
// biome-ignore-all assist/source/organizeImports: sections are ordered by topic, not by path

// Client
export { createSmsPartnerClient, type EndpointInput, type SmsPartnerClient } from './client.js';

// Transport and options (for apps that call single endpoints: `transport.call(route, params)`)
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

// The endpoints that convert their input (one function each, with its input type), and
// the conversion of a send time into SMS Partner's Paris schedule fields
export * from './endpoints/index.js';
export { type SendOptions, scheduleFields } from './endpoints/send-options.js';

// Answers in one shape. The offline estimate (`estimateSend`, `prepareMessage`,
// `formatAmount`, `DEFAULT_PRICE_TABLE`) is the `@smspartner-kit/client/estimate`
// entry: it carries libphonenumber-js, which apps that only send need not bundle.
export { type CreditsSummary, normalizeCredits, normalizeSendResult, type SendReceipt } from './normalize.js';
export {
  normalizeMessageStatus,
  normalizeStatusList,
  type RecipientStatusSummary,
} from './normalize/status.js';
// Status dates in either documented form. The webhook parsers (`parseReplyWebhook`,
// `parseDeliveryReceipt`) are the `@smspartner-kit/client/webhooks` entry, for the
// server that receives them: an app that only calls the API does not bundle their schemas.
export { parseStatusDate } from '@smspartner-kit/schema';
export {
  type BulkContactsReport,
  type Contact,
  type ContactPage,
  type Group,
  normalizeAddedGroup,
  normalizeBulkContactsReport,
  normalizeContact,
  normalizeContactPage,
  normalizeGroups,
} from './normalize/contacts.js';
export {
  type CreatedSubaccount,
  type CreditMove,
  creditAmount,
  normalizeCreatedSubaccount,
  normalizeCreditMove,
  normalizeSubaccountPage,
  type Subaccount,
  type SubaccountPage,
} from './normalize/subaccounts.js';

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

// Named re-exports only: this file is the package's public surface.

// Error-code catalogue
export {
  type CancelSmsCode,
  type CodeCatalogue,
  type CodeEntry,
  type CodeSource,
  type CreditsCode,
  cancelSmsCodes,
  codesOf,
  creditsCodes,
  type SendSmsCode,
  sendSmsCodes,
  type TransportCode,
  transportCodes,
} from './codes.js';
export {
  CANCEL_SUCCESS_MESSAGE,
  type CancelSmsRequest,
  cancelSms,
  cancelSmsRequest,
  cancelSmsStates,
} from './endpoints/cancel-sms.js';

// Endpoints and the registry
export {
  type AnyEndpoint,
  defineEndpoint,
  defineRoute,
  type EndpointDefinition,
  type EndpointRoute,
  type FieldCodes,
  type RequestRejection,
  rejectRequest,
} from './endpoints/define.js';
export { type GetCreditsRequest, getCredits, getCreditsRequest } from './endpoints/get-credits.js';
export {
  type EndpointName,
  type Endpoints,
  endpoints,
  type ProviderStateName,
  type RouteOf,
} from './endpoints/index.js';
export {
  type BulkSmsItem,
  bulkSmsItem,
  type SendBulkSmsRequest,
  sendBulkSms,
  sendBulkSmsRequest,
} from './endpoints/send-bulk-sms.js';
export { type SendSmsRequest, sendSms, sendSmsRequest } from './endpoints/send-sms.js';
export { type SendSurveyRequest, sendSurvey, sendSurveyRequest } from './endpoints/send-survey.js';
export { type SendVnSmsRequest, sendVnSms, sendVnSmsRequest } from './endpoints/send-vn-sms.js';
// Envelope and errors
export {
  type ErrorEnvelope,
  elementIdFor,
  errorEnvelope,
  type NormalizedError,
  normalizeError,
  successEnvelope,
  type ValidationIssue,
  validationIssue,
} from './envelope.js';
export {
  checkMarketingWindow,
  easterSunday,
  frenchHolidays,
  MARKETING_WINDOW,
  type MarketingCheck,
  nextMarketingSlot,
} from './marketing.js';
export { formatAmount, MICROS_PER_UNIT, parseAmount } from './money.js';
// Paris scheduling time
export {
  formatParisDateTime,
  fromParisWallTime,
  fromScheduleFields,
  PARIS_TIME_ZONE,
  type ParisWallTime,
  parisOffsetMs,
  parseScheduledDate,
  type ScheduleFields,
  type ScheduleProblem,
  toParisWallTime,
  toScheduleFields,
} from './paris-time.js';
export { checkPhoneNumber, type PhoneCheck, splitPhoneNumbers } from './phone.js';
export {
  DEFAULT_PRICE_TABLE,
  type Estimate,
  type EstimateInput,
  type EstimateProblem,
  type EstimateRecipient,
  estimateSend,
  MAX_RECIPIENTS,
  type PriceTable,
  priceFor,
  type Range,
  rangeOf,
} from './pricing.js';
// Routes: the light part of each endpoint (method, path, success schema, codes), one module each
export { type CancelSmsResponse, cancelSmsResponse, cancelSmsRoute } from './routes/cancel-sms.js';
export { type GetCreditsResponse, getCreditsResponse, getCreditsRoute } from './routes/get-credits.js';
export {
  type BulkSmsResult,
  bulkSmsResult,
  type SendBulkSmsResponse,
  sendBulkSmsResponse,
  sendBulkSmsRoute,
} from './routes/send-bulk-sms.js';
export { type SendSmsResponse, sendSmsResponse, sendSmsRoute } from './routes/send-sms.js';
export { sendSurveyRoute } from './routes/send-survey.js';
export { sendVnSmsRoute } from './routes/send-vn-sms.js';
// Message counting and numbers
export {
  DEFAULT_STOP_MENTION,
  expandMarkers,
  gsmSeptets,
  type PreparedMessage,
  prepareMessage,
  SMS_LIMITS,
  SPECIAL_CHARACTER_REPLACEMENTS,
  UNSUPPORTED_CHARACTER_REPLACEMENT,
} from './sms-parts.js';

// XML codec
export {
  decodeXml,
  encodeXml,
  entriesToJson,
  XmlDecodeError,
  type XmlEntry,
  xmlEntry,
  xmlResult,
} from './xml.js';

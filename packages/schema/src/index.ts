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
  type CancelSmsResponse,
  cancelSms,
  cancelSmsRequest,
  cancelSmsResponse,
  cancelSmsStates,
} from './endpoints/cancel-sms.js';

// Endpoints and the registry
export {
  type AnyEndpoint,
  defineEndpoint,
  type EndpointDefinition,
  type FieldCodes,
  type RequestRejection,
  rejectRequest,
} from './endpoints/define.js';
export { type EndpointName, type Endpoints, endpoints, type ProviderStateName } from './endpoints/index.js';
export {
  type SendSmsRequest,
  type SendSmsResponse,
  sendSms,
  sendSmsRequest,
  sendSmsResponse,
} from './endpoints/send-sms.js';
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

// Message counting and numbers
export {
  DEFAULT_STOP_MENTION,
  SMS_LIMITS,
  SPECIAL_CHARACTER_REPLACEMENTS,
  UNSUPPORTED_CHARACTER_REPLACEMENT,
  expandMarkers,
  gsmSeptets,
  prepareMessage,
  type PreparedMessage,
} from './sms-parts.js';
export { MICROS_PER_UNIT, formatAmount, parseAmount } from './money.js';
export {
  DEFAULT_PRICE_TABLE,
  MAX_RECIPIENTS,
  estimateSend,
  priceFor,
  rangeOf,
  type Estimate,
  type EstimateInput,
  type EstimateProblem,
  type EstimateRecipient,
  type PriceTable,
  type Range,
} from './pricing.js';
export {
  MARKETING_WINDOW,
  checkMarketingWindow,
  easterSunday,
  frenchHolidays,
  nextMarketingSlot,
  type MarketingCheck,
} from './marketing.js';
export {
  getCredits,
  getCreditsRequest,
  getCreditsResponse,
  type GetCreditsRequest,
  type GetCreditsResponse,
} from './endpoints/get-credits.js';

export {
  bulkSmsItem,
  bulkSmsResult,
  sendBulkSms,
  sendBulkSmsRequest,
  sendBulkSmsResponse,
  type BulkSmsItem,
  type BulkSmsResult,
  type SendBulkSmsRequest,
  type SendBulkSmsResponse,
} from './endpoints/send-bulk-sms.js';
export { sendVnSms, sendVnSmsRequest, type SendVnSmsRequest } from './endpoints/send-vn-sms.js';
export { sendSurvey, sendSurveyRequest, type SendSurveyRequest } from './endpoints/send-survey.js';

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

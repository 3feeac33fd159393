// Named re-exports only: this file is the package's public surface.

// Envelope and errors
export {
  elementIdFor,
  errorEnvelope,
  normalizeError,
  successEnvelope,
  validationIssue,
  type ErrorEnvelope,
  type NormalizedError,
  type ValidationIssue,
} from './envelope.js';

// Error-code catalogue
export {
  cancelSmsCodes,
  codesOf,
  sendSmsCodes,
  transportCodes,
  type CancelSmsCode,
  type CodeCatalogue,
  type CodeEntry,
  type CodeSource,
  type SendSmsCode,
  type TransportCode,
} from './codes.js';

// Endpoints and the registry
export {
  defineEndpoint,
  rejectRequest,
  type AnyEndpoint,
  type EndpointDefinition,
  type FieldCodes,
  type RequestRejection,
} from './endpoints/define.js';
export { endpoints, type EndpointName, type Endpoints, type ProviderStateName } from './endpoints/index.js';
export {
  sendSms,
  sendSmsRequest,
  sendSmsResponse,
  type SendSmsRequest,
  type SendSmsResponse,
} from './endpoints/send-sms.js';
export {
  CANCEL_SUCCESS_MESSAGE,
  cancelSms,
  cancelSmsRequest,
  cancelSmsResponse,
  cancelSmsStates,
  type CancelSmsRequest,
  type CancelSmsResponse,
} from './endpoints/cancel-sms.js';

// XML codec
export { XmlDecodeError, decodeXml, encodeXml, entriesToJson, xmlEntry, xmlResult, type XmlEntry } from './xml.js';

// Paris scheduling time
export {
  PARIS_TIME_ZONE,
  formatParisDateTime,
  fromParisWallTime,
  fromScheduleFields,
  parisOffsetMs,
  parseScheduledDate,
  toParisWallTime,
  toScheduleFields,
  type ParisWallTime,
  type ScheduleFields,
  type ScheduleProblem,
} from './paris-time.js';

// Message counting and numbers
export { SMS_LIMITS, countMessage, expandMarkers, gsmSeptets, type MessageCount } from './sms-parts.js';
export { checkPhoneNumber, splitPhoneNumbers, type PhoneCheck } from './phone.js';

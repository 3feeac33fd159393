// The package's public surface. Shared machinery is named export by export;
// the endpoints come through their barrel (`endpoints/index.ts`, which also
// holds the registry), so no endpoint is restated here.
// biome-ignore-all assist/source/organizeImports: sections are ordered by topic, not by path

// Defining endpoints: routes, entries, code blocks, the request-rejection rule
export {
  type AnyEndpoint,
  type AnyRoute,
  type ApiPath,
  authOf,
  defineEndpoint,
  defineRoute,
  type EndpointDefinition,
  type EndpointRoute,
  type FieldCodes,
  fieldPath,
  type HttpMethod,
  type RequestRejection,
  rejectRequest,
  requestShapeOf,
  successCodeOf,
} from './core/define.js';
export {
  accountGateCodes,
  authCodes,
  type CodeCatalogue,
  type CodeEntry,
  type CodeSource,
  codesOf,
  rateLimitCodes,
} from './core/codes.js';
export { flag, integerLike, messageId, pageField, requiredString, responseFormat } from './core/fields.js';

// Redaction: the one way API keys are hidden, in the client's errors and the mock's log
export { createRedactor, REDACTED, type Redactor } from './core/redact.js';

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
} from './core/envelope.js';

// The registry and every endpoint's route, request schema, codes and types
export * from './endpoints/index.js';
export { routes } from './endpoints/routes.js';

// Domain rules (pure functions; time is always an argument)
export {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  formatStatusDate,
  isDeliveryStatus,
  NUMBER_NOT_FOUND,
  NUMBER_NOT_FOUND_FR,
  parseStatusDate,
  readStatusFlag,
} from './rules/delivery-status.js';
export {
  checkMarketingWindow,
  easterSunday,
  frenchHolidays,
  MARKETING_WINDOW,
  type MarketingCheck,
  nextMarketingSlot,
} from './rules/marketing.js';
export { formatAmount, MAX_AMOUNT_MICROS, MICROS_PER_UNIT, parseAmount } from './rules/money.js';
export {
  formatParisDateTime,
  formatParisIsoDateTime,
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
} from './rules/paris-time.js';
export { checkPhoneNumber, type PhoneCheck, splitPhoneNumbers } from './rules/phone.js';
// The full libphonenumber metadata: only what imports lookupNumber bundles it (the mock does, the client does not).
export { LOOKUP_INVALID_MESSAGE, type LookupResult, lookupNumber } from './rules/lookup.js';
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
} from './rules/pricing.js';
export { SERVICE_PRICES } from './rules/service-prices.js';
export {
  DEFAULT_STOP_MENTION,
  expandMarkers,
  gsmSeptets,
  type PreparedMessage,
  prepareMessage,
  SMS_LIMITS,
  SPECIAL_CHARACTER_REPLACEMENTS,
  UNSUPPORTED_CHARACTER_REPLACEMENT,
} from './rules/sms-parts.js';

// Webhooks: the payloads the API (and the mock) posts to your URLs, and their parsers
export {
  encodeWebhook,
  type WebhookBody,
  type WebhookEncoding,
  WebhookPayloadError,
  type WebhookStateName,
  webhookFields,
  webhookStates,
} from './webhooks/body.js';
export {
  type DeliveryReceipt,
  type DeliveryReceiptPayload,
  deliveryReceipt,
  parseDeliveryReceipt,
} from './webhooks/delivery-receipt.js';
export { type HlrResult, parseHlrResult } from './webhooks/hlr-result.js';
export {
  type LongNumberReply,
  longNumberReply,
  parseReplyWebhook,
  type RcsSuggestionTap,
  type ReplyWebhook,
  rcsSuggestionTap,
  type ShortNumberReply,
  shortNumberReply,
} from './webhooks/reply.js';

// XML codec
export {
  decodeXml,
  encodeXml,
  entriesToJson,
  XmlDecodeError,
  type XmlEntry,
  type XmlOptions,
  xmlEntry,
  xmlResult,
} from './xml.js';

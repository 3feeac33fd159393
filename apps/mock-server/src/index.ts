// Named re-exports only: the mock server's programmatic API.
// biome-ignore-all assist/source/organizeImports: sections are ordered by topic, not by path

// App and server (Express lives under http/)
export { type AppOptions, createApp, type MockApp } from './http/app.js';
export { type RunningMock, startMockServer } from './http/server.js';
export { allowedOrigin, type CorsPolicy, parseCorsPolicy } from './http/cors.js';
export { httpStatusFor } from './http/format.js';
export { type TransportCode, transportCodes } from './http/transport-codes.js';

// Config
export {
  type AccountConfig,
  accountConfig,
  defaultConfigInput,
  type MockConfig,
  type MockConfigInput,
  mockConfig,
  parseConfig,
} from './core/config.js';
export { loadConfigFile } from './http/config-file.js';

// The handler pipeline, and every endpoint's handler by registry name
export {
  type CodeOf,
  defineHandler,
  type Failure,
  type Handler,
  type HandlerContext,
  type HandlerFor,
  type HandlerOptions,
  type Outcome,
  type RequestEnvironment,
  type RequestOf,
  type ResultOf,
  runHandler,
  type SuccessOf,
  type WireBody,
} from './core/define-handler.js';
export { dispatch, handlers } from './core/dispatch.js';

// State and time
export { CLOCK_MAX_MS, CLOCK_MIN_MS, Clock, type ClockState, isClockTime } from './core/clock.js';
export { Account, type AccountSettings } from './state/accounts.js';
export {
  type MessageDraft,
  MessageBook,
  type MessageView,
  type RecipientStatus,
  type RecipientView,
  type ScheduleRefusal,
} from './state/messages.js';
export { createStore, type StateLimits, Store, type SubaccountDraft } from './state/store.js';
export { type StopEntry, StopIds, StopList } from './state/stop-list.js';
export { type InboundReply, Lifecycle, type ReplyOutcome } from './state/lifecycle.js';
export {
  type WebhookAttempt,
  type WebhookEvent,
  WebhookOutbox,
  type WebhookRecord,
  type WebhookRequest,
  type WebhookResult,
  type WebhookSender,
  type WebhookSettings,
  type WebhookState,
  type WebhookView,
  webhookView,
} from './state/webhooks.js';
export { createWebhookSender } from './http/webhook-sender.js';

export {
  ContactBook,
  type ContactFields,
  type ContactLimits,
  type ContactPage,
  type StoredContact,
  type StoredGroup,
} from './state/contacts.js';
export { type CreditMove, SubaccountBook, type SubaccountInfo } from './state/subaccounts.js';
export { fingerprint, type JournalView } from './state/journal.js';
export { ANY_ENDPOINT, type Fault, type FaultAction, FaultBook, type FaultInput } from './state/faults.js';
export {
  ACCOUNT_SECTIONS,
  applySeed,
  parseSeed,
  type SeedAccount,
  type SeedDocument,
  type SeedDocumentInput,
  SeedError,
  type SeedMessage,
  type SeedReport,
  seedDocument,
} from './state/seed.js';

// Pure rules
export { CANCEL_CUTOFF_MS, type CancelDecision, decideCancel } from './rules/cancel.js';
export {
  type MessageExtras,
  type MessageKind,
  type MessageState,
  messageState,
  type StoredMessage,
} from './rules/message-state.js';
export { decideSendTime, scheduleOf, type SendTime } from './rules/send-time.js';
export {
  DEFAULT_DELIVERY_DELAY_MS,
  type DeliveryPlan,
  type DeliverySettings,
  deliveryPlan,
  type ForcedOutcome,
  isFinalState,
  MAX_DELIVERY_DELAY_MS,
  type RecipientState,
  recipientAt,
  recipientTimeline,
  type StateChange,
  TEST_NUMBERS,
  type TestNumber,
  wireStatus,
} from './rules/delivery.js';
export {
  deliveryReceiptPayload,
  isStopText,
  keywordOf,
  longNumberReplies,
  replyParts,
  shortNumberReply,
} from './rules/replies.js';
export { monthlyStatistics, namedPeriod, parisDay, type Period } from './rules/statistics.js';

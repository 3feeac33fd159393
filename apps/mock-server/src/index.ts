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
export { type MessageDraft, MessageBook, type MessageView, type ScheduleRefusal } from './state/messages.js';
export { createStore, Store, type SubaccountDraft } from './state/store.js';
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

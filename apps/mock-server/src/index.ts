// Named re-exports only: the mock server's programmatic API.

// App and server
export { type AppOptions, createApp, type MockApp } from './app.js';
// State and time
export { Clock, type ClockState } from './clock.js';
// Config
export {
  type AccountConfig,
  accountConfig,
  defaultConfigInput,
  loadConfigFile,
  type MockConfig,
  type MockConfigInput,
  mockConfig,
  parseConfig,
} from './config.js';
export { allowedOrigin, type CorsPolicy, parseCorsPolicy } from './cors.js';
// Handlers (pure) and the HTTP status policy
export { handlers } from './handlers/index.js';
export type { EnvelopeBody, Handler, HandlerContext } from './handlers/shared.js';
export { httpStatusFor } from './http.js';
export { CANCEL_CUTOFF_MS, type CancelDecision, decideCancel } from './rules/cancel.js';
export { type MessageState, messageState, type StoredMessage } from './rules/message-state.js';
export { type RunningMock, startMockServer } from './server.js';
export { type AccountState, createStore, type MessageView, type NewMessage, Store } from './store.js';

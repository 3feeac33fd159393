// Named re-exports only: the mock server's programmatic API.

// App and server
export { createApp, type AppOptions, type MockApp } from './app.js';
export { startMockServer, type RunningMock } from './server.js';

// State and time
export { Clock, type ClockState } from './clock.js';
export { Store, createStore, type AccountState, type MessageView, type NewMessage } from './store.js';
export { messageState, type MessageState, type StoredMessage } from './rules/message-state.js';
export { CANCEL_CUTOFF_MS, decideCancel, type CancelDecision } from './rules/cancel.js';

// Config
export {
  accountConfig,
  defaultConfigInput,
  loadConfigFile,
  mockConfig,
  parseConfig,
  type AccountConfig,
  type MockConfig,
  type MockConfigInput,
} from './config.js';
export { allowedOrigin, parseCorsPolicy, type CorsPolicy } from './cors.js';

// Handlers (pure) and the HTTP status policy
export { handlers } from './handlers/index.js';
export type { EnvelopeBody, Handler, HandlerContext } from './handlers/shared.js';
export { httpStatusFor } from './http.js';

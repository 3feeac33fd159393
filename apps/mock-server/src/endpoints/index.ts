// Every endpoint's handler, one module each (paths only: the names come from
// the modules). `core/dispatch.ts` types this barrel as a map over the
// registry, so an endpoint without a handler here does not compile.
export * from './account/get-credits.js';
export * from './replies/add-stop-sms.js';
export * from './replies/delete-stop-sms.js';
export * from './replies/list-stop-sms.js';
export * from './sms/cancel-sms.js';
export * from './sms/send-bulk-sms.js';
export * from './sms/send-sms.js';
export * from './sms/send-survey.js';
export * from './sms/send-vn-sms.js';
export * from './status/get-bulk-status.js';
export * from './status/get-message-status.js';
export * from './status/get-multi-status.js';
export * from './status/get-sending-statistics.js';
export * from './status/get-status-by-tag.js';

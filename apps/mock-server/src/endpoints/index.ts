// Every endpoint's handler, one module each (paths only: the names come from
// the modules). `core/dispatch.ts` types this barrel as a map over the
// registry, so an endpoint without a handler here does not compile.
export * from './account/get-credits.js';
export * from './call-forwarding/set-call-forwarding.js';
export * from './rcs/send-rcs.js';
export * from './rental/get-rental-status.js';
export * from './rental/target-contacts.js';
export * from './sms/cancel-sms.js';
export * from './sms/send-bulk-sms.js';
export * from './sms/send-sms.js';
export * from './sms/send-survey.js';
export * from './sms/send-vn-sms.js';
export * from './verification/lookup-numbers.js';
export * from './verification/verify-numbers.js';

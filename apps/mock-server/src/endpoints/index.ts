// Every endpoint's handler, one module each (paths only: the names come from
// the modules). `core/dispatch.ts` types this barrel as a map over the
// registry, so an endpoint without a handler here does not compile.
export * from './account/get-credits.js';
export * from './call-forwarding/set-call-forwarding.js';
export * from './contacts/add-bulk-contacts.js';
export * from './contacts/add-contact.js';
export * from './contacts/add-group.js';
export * from './contacts/delete-contact.js';
export * from './contacts/delete-group.js';
export * from './contacts/get-contact.js';
export * from './contacts/list-contacts.js';
export * from './contacts/list-groups.js';
export * from './contacts/update-contact.js';
export * from './rcs/send-rcs.js';
export * from './rental/get-rental-status.js';
export * from './rental/target-contacts.js';
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
export * from './subaccounts/add-subaccount-credit.js';
export * from './subaccounts/create-subaccount.js';
export * from './subaccounts/list-subaccounts.js';
export * from './subaccounts/remove-subaccount.js';
export * from './subaccounts/remove-subaccount-credit.js';
export * from './verification/lookup-numbers.js';
export * from './verification/verify-numbers.js';

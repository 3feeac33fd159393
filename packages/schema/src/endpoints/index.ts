import type { AnyEndpoint, EndpointRoute } from '../core/define.js';
import type { WebhookStateName } from '../webhooks/body.js';
import { getCredits } from './account/get-credits/entry.js';
import { setCallForwarding } from './call-forwarding/set-call-forwarding/entry.js';
import { addBulkContacts } from './contacts/add-bulk-contacts/entry.js';
import { addContact } from './contacts/add-contact/entry.js';
import { addGroup } from './contacts/add-group/entry.js';
import { deleteContact } from './contacts/delete-contact/entry.js';
import { deleteGroup } from './contacts/delete-group/entry.js';
import { getContact } from './contacts/get-contact/entry.js';
import { listContacts } from './contacts/list-contacts/entry.js';
import { listGroups } from './contacts/list-groups/entry.js';
import { updateContact } from './contacts/update-contact/entry.js';
import { sendRcs } from './rcs/send-rcs/entry.js';
import { getRentalStatus } from './rental/get-rental-status/entry.js';
import { targetContacts } from './rental/target-contacts/entry.js';
import { addStopSms } from './replies/add-stop-sms/entry.js';
import { deleteStopSms } from './replies/delete-stop-sms/entry.js';
import { listStopSms } from './replies/list-stop-sms/entry.js';
import { cancelSms } from './sms/cancel-sms/entry.js';
import { sendBulkSms } from './sms/send-bulk-sms/entry.js';
import { sendSms } from './sms/send-sms/entry.js';
import { sendSurvey } from './sms/send-survey/entry.js';
import { sendVnSms } from './sms/send-vn-sms/entry.js';
import { getBulkStatus } from './status/get-bulk-status/entry.js';
import { getMessageStatus } from './status/get-message-status/entry.js';
import { getMultiStatus } from './status/get-multi-status/entry.js';
import { getSendingStatistics } from './status/get-sending-statistics/entry.js';
import { getStatusByTag } from './status/get-status-by-tag/entry.js';

// Every module of every endpoint folder is part of the package's surface: entries re-export their routes.
export * from './account/get-credits/entry.js';
export * from './replies/add-stop-sms/entry.js';
export * from './replies/delete-stop-sms/entry.js';
export * from './replies/list-stop-sms/entry.js';

import { lookupNumbers } from './verification/lookup-numbers/entry.js';
import { verifyNumbers } from './verification/verify-numbers/entry.js';

// Every module of every endpoint folder is part of the package's surface: entries re-export their routes.
export * from './account/get-credits/entry.js';
export * from './call-forwarding/set-call-forwarding/entry.js';
export * from './rcs/rich-content.js';
export * from './rcs/send-rcs/entry.js';
export * from './rental/get-rental-status/entry.js';
export * from './rental/target-contacts/entry.js';
export * from './rental/targeting.js';

import { addSubaccountCredit } from './subaccounts/add-subaccount-credit/entry.js';
import { createSubaccount } from './subaccounts/create-subaccount/entry.js';
import { listSubaccounts } from './subaccounts/list-subaccounts/entry.js';
import { removeSubaccount } from './subaccounts/remove-subaccount/entry.js';
import { removeSubaccountCredit } from './subaccounts/remove-subaccount-credit/entry.js';

export * from './contacts/add-bulk-contacts/entry.js';
export * from './contacts/add-contact/entry.js';
export * from './contacts/add-group/entry.js';
export * from './contacts/contact-fields.js';
export * from './contacts/delete-contact/entry.js';
export * from './contacts/delete-group/entry.js';
export * from './contacts/get-contact/entry.js';
export * from './contacts/list-contacts/entry.js';
export * from './contacts/list-groups/entry.js';
export * from './contacts/update-contact/entry.js';
export * from './sms/cancel-sms/entry.js';
export * from './sms/send-bulk-sms/entry.js';
export * from './sms/send-fields.js';
export * from './sms/send-sms/entry.js';
export * from './sms/send-survey/entry.js';
export * from './sms/send-vn-sms/entry.js';
export * from './status/get-bulk-status/entry.js';
export * from './status/get-message-status/entry.js';
export * from './status/get-multi-status/entry.js';
export * from './status/get-sending-statistics/entry.js';
export * from './status/get-status-by-tag/entry.js';
export * from './status/status-fields.js';
export * from './subaccounts/add-subaccount-credit/entry.js';
export * from './subaccounts/create-subaccount/entry.js';
export * from './subaccounts/list-subaccounts/entry.js';
export * from './subaccounts/remove-subaccount/entry.js';
export * from './subaccounts/remove-subaccount-credit/entry.js';
export * from './subaccounts/subaccount-fields.js';
export * from './verification/hlr-errors.js';
export * from './verification/lookup-numbers/entry.js';
export * from './verification/numbers-field.js';
export * from './verification/verify-numbers/entry.js';

/**
 * THE REGISTRY: one entry per endpoint, keyed by the name its route declares.
 * The client, the mock server and the contract tests all iterate or index it;
 * their per-endpoint maps are typed as mapped types over its keys, so a
 * missing piece is a compile error. `pnpm gen endpoint` writes a new line here.
 */
export const endpoints = {
  getCredits,
  sendSms,
  sendBulkSms,
  sendVnSms,
  sendSurvey,
  cancelSms,
  getMessageStatus,
  getMultiStatus,
  getBulkStatus,
  getStatusByTag,
  getSendingStatistics,
  listStopSms,
  addStopSms,
  deleteStopSms,
  verifyNumbers,
  lookupNumbers,
  setCallForwarding,
  targetContacts,
  getRentalStatus,
  sendRcs,
  addGroup,
  deleteGroup,
  listGroups,
  addContact,
  addBulkContacts,
  updateContact,
  deleteContact,
  listContacts,
  getContact,
  createSubaccount,
  removeSubaccount,
  listSubaccounts,
  addSubaccountCredit,
  removeSubaccountCredit,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

/** Every provider-state name used by any endpoint's contracts, and by the webhook contracts. */
export type ProviderStateName = Endpoints[EndpointName]['states'][number] | WebhookStateName;

/**
 * The route of one endpoint (name, method, path, success schema, codes), typed
 * from the registry: the type of `cancelSmsRoute` is `RouteOf<'cancelSms'>`.
 */
export type RouteOf<Name extends EndpointName> = Pick<Endpoints[Name], keyof EndpointRoute>;

type Assert<T extends true> = T;
/** Each registry key is the name its entry declares, and every entry is a complete definition. */
// biome-ignore lint/correctness/noUnusedVariables: a compile-time check, never used
type RegistryChecks = [
  Assert<{ [Name in EndpointName]: Endpoints[Name]['name'] extends Name ? true : false }[EndpointName]>,
  Assert<Endpoints[EndpointName] extends AnyEndpoint ? true : false>,
];

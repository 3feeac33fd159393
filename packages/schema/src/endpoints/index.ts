import type { AnyEndpoint, EndpointRoute } from '../core/define.js';
import { getCredits } from './account/get-credits/entry.js';
import { setCallForwarding } from './call-forwarding/set-call-forwarding/entry.js';
import { sendRcs } from './rcs/send-rcs/entry.js';
import { getRentalStatus } from './rental/get-rental-status/entry.js';
import { targetContacts } from './rental/target-contacts/entry.js';
import { cancelSms } from './sms/cancel-sms/entry.js';
import { sendBulkSms } from './sms/send-bulk-sms/entry.js';
import { sendSms } from './sms/send-sms/entry.js';
import { sendSurvey } from './sms/send-survey/entry.js';
import { sendVnSms } from './sms/send-vn-sms/entry.js';
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
export * from './sms/cancel-sms/entry.js';
export * from './sms/send-bulk-sms/entry.js';
export * from './sms/send-fields.js';
export * from './sms/send-sms/entry.js';
export * from './sms/send-survey/entry.js';
export * from './sms/send-vn-sms/entry.js';
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
  verifyNumbers,
  lookupNumbers,
  setCallForwarding,
  targetContacts,
  getRentalStatus,
  sendRcs,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

/** Every provider-state name used by any endpoint's contracts. */
export type ProviderStateName = Endpoints[EndpointName]['states'][number];

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

import type { AnyEndpoint, EndpointRoute } from '../core/define.js';
import type { WebhookStateName } from '../webhooks/body.js';
import { getCredits } from './account/get-credits/entry.js';
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

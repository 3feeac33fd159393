import { cancelSms } from './cancel-sms.js';
import type { EndpointRoute } from './define.js';
import { getCredits } from './get-credits.js';
import { sendBulkSms } from './send-bulk-sms.js';
import { sendSms } from './send-sms.js';
import { sendSurvey } from './send-survey.js';
import { sendVnSms } from './send-vn-sms.js';

/**
 * THE REGISTRY: one entry per endpoint. The client, the mock server and the
 * contract tests all iterate or index it; their per-endpoint maps are typed as
 * mapped types over its keys, so a missing piece is a compile error.
 */
export const endpoints = {
  getCredits,
  sendSms,
  sendBulkSms,
  sendVnSms,
  sendSurvey,
  cancelSms,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

/** Every provider-state name used by any endpoint's contracts. */
export type ProviderStateName = Endpoints[EndpointName]['states'][number];

/**
 * The route of one endpoint (method, path, success schema, codes), typed from
 * the registry: the type of `cancelSmsRoute` is `RouteOf<'cancelSms'>`.
 */
export type RouteOf<Name extends EndpointName> = Pick<Endpoints[Name], keyof EndpointRoute>;

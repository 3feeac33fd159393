import type { EndpointName } from '@smspartner-kit/schema';
import type { EndpointResult } from './answer.js';
import { cancelSms } from './endpoints/cancel-sms.js';
import { getCredits } from './endpoints/get-credits.js';
import { sendBulkSms } from './endpoints/send-bulk-sms.js';
import { sendSms } from './endpoints/send-sms.js';
import { sendSurvey } from './endpoints/send-survey.js';
import { sendVnSms } from './endpoints/send-vn-sms.js';
import {
  getBulkStatus,
  getMessageStatus,
  getMultiStatus,
  getSendingStatistics,
  getStatusByTag,
} from './endpoints/status.js';
import { addStopSms, deleteStopSms, listStopSms } from './endpoints/stop-sms.js';
import { createTransport, type SmsPartnerClientOptions, type SmsPartnerTransport } from './transport.js';

/**
 * One function per registry entry. `satisfies` makes a registry entry without
 * a function here a compile error, and checks each function's result type.
 */
const endpointFunctions = {
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
} satisfies {
  readonly [Name in EndpointName]: (
    transport: SmsPartnerTransport,
    input: never,
  ) => Promise<EndpointResult<Name>>;
};

/** The input of one endpoint's client method. */
export type EndpointInput<Name extends EndpointName> = Parameters<(typeof endpointFunctions)[Name]>[1];

/**
 * A client with one method per endpoint of the registry, typed as a mapped
 * type over its names: an endpoint without a method does not compile.
 */
export type SmsPartnerClient = {
  readonly [Name in EndpointName]: undefined extends EndpointInput<Name>
    ? (input?: EndpointInput<Name>) => Promise<EndpointResult<Name>>
    : (input: EndpointInput<Name>) => Promise<EndpointResult<Name>>;
};

/**
 * Creates a client for the SMS Partner API. Throws `SmsPartnerConfigError`
 * when the options cannot work, e.g. an `apiKey` in a browser without
 * `dangerouslyAllowApiKeyInBrowser`.
 *
 * @example
 * ```ts
 * import { createSmsPartnerClient } from '@smspartner-kit/client';
 *
 * const sms = createSmsPartnerClient({ baseUrl: 'http://127.0.0.1:4010', apiKey: 'test-funded-key' });
 * const sent = await sms.sendSms({ phoneNumbers: '+33600000000', message: 'Hello' });
 * await sms.cancelSms({ messageId: sent.message_id });
 * ```
 */
export function createSmsPartnerClient(options: SmsPartnerClientOptions = {}): SmsPartnerClient {
  const transport = createTransport(options);
  return Object.freeze({
    getCredits: (input = {}) => endpointFunctions.getCredits(transport, input),
    sendSms: (input) => endpointFunctions.sendSms(transport, input),
    sendBulkSms: (input) => endpointFunctions.sendBulkSms(transport, input),
    sendVnSms: (input) => endpointFunctions.sendVnSms(transport, input),
    sendSurvey: (input) => endpointFunctions.sendSurvey(transport, input),
    cancelSms: (input) => endpointFunctions.cancelSms(transport, input),
    getMessageStatus: (input) => endpointFunctions.getMessageStatus(transport, input),
    getMultiStatus: (input) => endpointFunctions.getMultiStatus(transport, input),
    getBulkStatus: (input) => endpointFunctions.getBulkStatus(transport, input),
    getStatusByTag: (input) => endpointFunctions.getStatusByTag(transport, input),
    getSendingStatistics: (input) => endpointFunctions.getSendingStatistics(transport, input),
    listStopSms: (input = {}) => endpointFunctions.listStopSms(transport, input),
    addStopSms: (input) => endpointFunctions.addStopSms(transport, input),
    deleteStopSms: (input) => endpointFunctions.deleteStopSms(transport, input),
  } satisfies SmsPartnerClient);
}

import { getCreditsRoute } from './account/get-credits/route.js';
import type { EndpointName, RouteOf } from './index.js';
import { cancelSmsRoute } from './sms/cancel-sms/route.js';
import { sendBulkSmsRoute } from './sms/send-bulk-sms/route.js';
import { sendSmsRoute } from './sms/send-sms/route.js';
import { sendSurveyRoute } from './sms/send-survey/route.js';
import { sendVnSmsRoute } from './sms/send-vn-sms/route.js';

/**
 * Every registry entry's route, by name, without any request schema: what the
 * client's `createSmsPartnerClient` builds its methods from. The mapped type
 * makes a registry entry without its route here a compile error.
 */
export const routes = {
  getCredits: getCreditsRoute,
  sendSms: sendSmsRoute,
  sendBulkSms: sendBulkSmsRoute,
  sendVnSms: sendVnSmsRoute,
  sendSurvey: sendSurveyRoute,
  cancelSms: cancelSmsRoute,
} as const satisfies { readonly [Name in EndpointName]: RouteOf<Name> };

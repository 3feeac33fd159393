import { getCreditsRoute } from './account/get-credits/route.js';
import type { EndpointName, RouteOf } from './index.js';
import { addStopSmsRoute } from './replies/add-stop-sms/route.js';
import { deleteStopSmsRoute } from './replies/delete-stop-sms/route.js';
import { listStopSmsRoute } from './replies/list-stop-sms/route.js';
import { cancelSmsRoute } from './sms/cancel-sms/route.js';
import { sendBulkSmsRoute } from './sms/send-bulk-sms/route.js';
import { sendSmsRoute } from './sms/send-sms/route.js';
import { sendSurveyRoute } from './sms/send-survey/route.js';
import { sendVnSmsRoute } from './sms/send-vn-sms/route.js';
import { getBulkStatusRoute } from './status/get-bulk-status/route.js';
import { getMessageStatusRoute } from './status/get-message-status/route.js';
import { getMultiStatusRoute } from './status/get-multi-status/route.js';
import { getSendingStatisticsRoute } from './status/get-sending-statistics/route.js';
import { getStatusByTagRoute } from './status/get-status-by-tag/route.js';

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
  getMessageStatus: getMessageStatusRoute,
  getMultiStatus: getMultiStatusRoute,
  getBulkStatus: getBulkStatusRoute,
  getStatusByTag: getStatusByTagRoute,
  getSendingStatistics: getSendingStatisticsRoute,
  listStopSms: listStopSmsRoute,
  addStopSms: addStopSmsRoute,
  deleteStopSms: deleteStopSmsRoute,
} as const satisfies { readonly [Name in EndpointName]: RouteOf<Name> };

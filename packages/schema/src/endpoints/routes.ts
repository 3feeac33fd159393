import { getCreditsRoute } from './account/get-credits/route.js';
import { setCallForwardingRoute } from './call-forwarding/set-call-forwarding/route.js';
import { addBulkContactsRoute } from './contacts/add-bulk-contacts/route.js';
import { addContactRoute } from './contacts/add-contact/route.js';
import { addGroupRoute } from './contacts/add-group/route.js';
import { deleteContactRoute } from './contacts/delete-contact/route.js';
import { deleteGroupRoute } from './contacts/delete-group/route.js';
import { getContactRoute } from './contacts/get-contact/route.js';
import { listContactsRoute } from './contacts/list-contacts/route.js';
import { listGroupsRoute } from './contacts/list-groups/route.js';
import { updateContactRoute } from './contacts/update-contact/route.js';
import type { EndpointName, RouteOf } from './index.js';
import { sendRcsRoute } from './rcs/send-rcs/route.js';
import { getRentalStatusRoute } from './rental/get-rental-status/route.js';
import { targetContactsRoute } from './rental/target-contacts/route.js';
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
import { addSubaccountCreditRoute } from './subaccounts/add-subaccount-credit/route.js';
import { createSubaccountRoute } from './subaccounts/create-subaccount/route.js';
import { listSubaccountsRoute } from './subaccounts/list-subaccounts/route.js';
import { removeSubaccountRoute } from './subaccounts/remove-subaccount/route.js';
import { removeSubaccountCreditRoute } from './subaccounts/remove-subaccount-credit/route.js';
import { lookupNumbersRoute } from './verification/lookup-numbers/route.js';
import { verifyNumbersRoute } from './verification/verify-numbers/route.js';

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
  verifyNumbers: verifyNumbersRoute,
  lookupNumbers: lookupNumbersRoute,
  setCallForwarding: setCallForwardingRoute,
  targetContacts: targetContactsRoute,
  getRentalStatus: getRentalStatusRoute,
  sendRcs: sendRcsRoute,
  addGroup: addGroupRoute,
  deleteGroup: deleteGroupRoute,
  listGroups: listGroupsRoute,
  addContact: addContactRoute,
  addBulkContacts: addBulkContactsRoute,
  updateContact: updateContactRoute,
  deleteContact: deleteContactRoute,
  listContacts: listContactsRoute,
  getContact: getContactRoute,
  createSubaccount: createSubaccountRoute,
  removeSubaccount: removeSubaccountRoute,
  listSubaccounts: listSubaccountsRoute,
  addSubaccountCredit: addSubaccountCreditRoute,
  removeSubaccountCredit: removeSubaccountCreditRoute,
} as const satisfies { readonly [Name in EndpointName]: RouteOf<Name> };

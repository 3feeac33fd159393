import type { EndpointName } from '@smspartner-kit/schema';
import { setCallForwardingRecipes } from './call-forwarding.ts';
import { cancelSmsRecipes, getCreditsRecipes } from './cancel-and-credits.ts';
import {
  addBulkContactsRecipes,
  addContactRecipes,
  addGroupRecipes,
  deleteContactRecipes,
  deleteGroupRecipes,
  getContactRecipes,
  listContactsRecipes,
  listGroupsRecipes,
  updateContactRecipes,
} from './contacts.ts';
import { sendRcsRecipes } from './rcs.ts';
import type { Recipe, Recipes } from './recipe.ts';
import { getRentalStatusRecipes, targetContactsRecipes } from './rental.ts';
import { sendBulkSmsRecipes, sendSmsRecipes, sendSurveyRecipes, sendVnSmsRecipes } from './send-family.ts';
import {
  getBulkStatusRecipes,
  getMessageStatusRecipes,
  getMultiStatusRecipes,
  getSendingStatisticsRecipes,
  getStatusByTagRecipes,
} from './status.ts';
import { addStopSmsRecipes, deleteStopSmsRecipes, listStopSmsRecipes } from './stop-sms.ts';
import {
  addSubaccountCreditRecipes,
  createSubaccountRecipes,
  listSubaccountsRecipes,
  removeSubaccountCreditRecipes,
  removeSubaccountRecipes,
} from './subaccounts.ts';
import { lookupNumbersRecipes, verifyNumbersRecipes } from './verification.ts';

/**
 * Every endpoint's recipes, by registry name. Partial on purpose: an endpoint
 * registered without recipes fails the catalogue test, which lists its codes.
 */
export const recipes: { readonly [Name in EndpointName]?: Recipes<Name> } = {
  getCredits: getCreditsRecipes,
  sendSms: sendSmsRecipes,
  sendBulkSms: sendBulkSmsRecipes,
  sendVnSms: sendVnSmsRecipes,
  sendSurvey: sendSurveyRecipes,
  cancelSms: cancelSmsRecipes,
  verifyNumbers: verifyNumbersRecipes,
  lookupNumbers: lookupNumbersRecipes,
  setCallForwarding: setCallForwardingRecipes,
  targetContacts: targetContactsRecipes,
  getRentalStatus: getRentalStatusRecipes,
  sendRcs: sendRcsRecipes,
  addGroup: addGroupRecipes,
  deleteGroup: deleteGroupRecipes,
  listGroups: listGroupsRecipes,
  addContact: addContactRecipes,
  addBulkContacts: addBulkContactsRecipes,
  updateContact: updateContactRecipes,
  deleteContact: deleteContactRecipes,
  listContacts: listContactsRecipes,
  getContact: getContactRecipes,
  createSubaccount: createSubaccountRecipes,
  removeSubaccount: removeSubaccountRecipes,
  listSubaccounts: listSubaccountsRecipes,
  addSubaccountCredit: addSubaccountCreditRecipes,
  removeSubaccountCredit: removeSubaccountCreditRecipes,
  getMessageStatus: getMessageStatusRecipes,
  getMultiStatus: getMultiStatusRecipes,
  getBulkStatus: getBulkStatusRecipes,
  getStatusByTag: getStatusByTagRecipes,
  getSendingStatistics: getSendingStatisticsRecipes,
  listStopSms: listStopSmsRecipes,
  addStopSms: addStopSmsRecipes,
  deleteStopSms: deleteStopSmsRecipes,
};

/** The recipe of one code of one endpoint, if it has one. */
export function recipeOf(name: EndpointName, code: number): Recipe | undefined {
  return (recipes[name] as Readonly<Record<number, Recipe>> | undefined)?.[code];
}

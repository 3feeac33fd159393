import type { EndpointName } from '@smspartner-kit/schema';
import { setCallForwardingRecipes } from './call-forwarding.ts';
import { cancelSmsRecipes, getCreditsRecipes } from './cancel-and-credits.ts';
import { sendRcsRecipes } from './rcs.ts';
import type { Recipes } from './recipe.ts';
import { getRentalStatusRecipes, targetContactsRecipes } from './rental.ts';
import { sendBulkSmsRecipes, sendSmsRecipes, sendSurveyRecipes, sendVnSmsRecipes } from './send-family.ts';
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
};

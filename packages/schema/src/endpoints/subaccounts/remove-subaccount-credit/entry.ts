import { defineEndpoint } from '../../../core/define.js';
import { subaccountCreditFieldCodes, subaccountCreditRequest } from '../subaccount-fields.js';
import { removeSubaccountCreditRoute } from './route.js';

/**
 * The registry entry of POST /v1/subaccount/credit/remove [official]: euros
 * move back from a sub-account to its master account, exactly. (The community
 * page's curl posts to `/credit/add` by mistake.)
 */
export const removeSubaccountCredit = defineEndpoint(removeSubaccountCreditRoute, {
  summary: "Move euros from a sub-account's balance back to the master account's",
  request: subaccountCreditRequest,
  fieldCodes: subaccountCreditFieldCodes,
  states: ['a sub-account'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', credit: 5, tokenSubaccount: 'SUBACCOUNT_TOKEN' },
    response: { success: true, code: 200, credit: 2874.2, subaccountCredit: 56.8, currency: 'EUR' },
  },
});

export * from './route.js';

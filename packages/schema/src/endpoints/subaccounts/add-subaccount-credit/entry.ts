import { defineEndpoint } from '../../../core/define.js';
import { subaccountCreditFieldCodes, subaccountCreditRequest } from '../subaccount-fields.js';
import { addSubaccountCreditRoute } from './route.js';

/**
 * The registry entry of POST /v1/subaccount/credit/add [official]: euros move
 * from the master account to one of its sub-accounts, exactly.
 */
export const addSubaccountCredit = defineEndpoint(addSubaccountCreditRoute, {
  summary: "Move euros from the master account's balance to a sub-account's",
  request: subaccountCreditRequest,
  fieldCodes: subaccountCreditFieldCodes,
  states: ['a sub-account'],
  example: {
    request: { apiKey: 'YOUR_API_KEY', credit: '10', tokenSubaccount: 'SUBACCOUNT_TOKEN' },
    response: { success: true, code: 200, credit: 2869.2, subaccountCredit: 61.8, currency: 'EUR' },
  },
});

export * from './route.js';

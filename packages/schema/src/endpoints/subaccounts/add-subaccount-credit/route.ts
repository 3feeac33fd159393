import { defineRoute } from '../../../core/define.js';
import { subaccountCreditCodes, subaccountCreditResponse } from '../subaccount-fields.js';

/** POST /v1/subaccount/credit/add: the client's part of the `addSubaccountCredit` registry entry. */
export const addSubaccountCreditRoute = defineRoute({
  name: 'addSubaccountCredit',
  method: 'POST',
  path: '/v1/subaccount/credit/add',
  xml: true,
  response: subaccountCreditResponse,
  codes: subaccountCreditCodes,
});

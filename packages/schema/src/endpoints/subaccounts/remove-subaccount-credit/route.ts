import { defineRoute } from '../../../core/define.js';
import { subaccountCreditCodes, subaccountCreditResponse } from '../subaccount-fields.js';

/** POST /v1/subaccount/credit/remove: the client's part of the `removeSubaccountCredit` registry entry. */
export const removeSubaccountCreditRoute = defineRoute({
  name: 'removeSubaccountCredit',
  method: 'POST',
  path: '/v1/subaccount/credit/remove',
  xml: true,
  response: subaccountCreditResponse,
  codes: subaccountCreditCodes,
});

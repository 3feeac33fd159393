import { defineHandler } from '../../core/define-handler.js';
import { mastersOnly, moveCredit } from './credit-move.js';

/** POST /v1/subaccount/credit/remove: euros from the sub-account's balance back to the master's (see `moveCredit`). */
export const removeSubaccountCredit = defineHandler(
  'removeSubaccountCredit',
  (request, context) => moveCredit('to-master', request, context),
  { authorize: mastersOnly },
);

import { defineHandler } from '../../core/define-handler.js';
import { mastersOnly, moveCredit } from './credit-move.js';

/** POST /v1/subaccount/credit/add: euros from the master's balance to the sub-account's (see `moveCredit`). */
export const addSubaccountCredit = defineHandler(
  'addSubaccountCredit',
  (request, context) => moveCredit('to-subaccount', request, context),
  { authorize: mastersOnly },
);

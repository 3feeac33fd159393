import { CALL_FORWARDING_MESSAGES } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { checkForwardingParam } from '../../rules/call-forwarding.js';
import { normalizeVirtualNumber } from '../../rules/virtual-number.js';

/**
 * POST /v1/vn/callforward. After the pipeline (10 for the key, 5 number, 6
 * and 7 type, 8 a param that is not text): the param for the type (8, 9,
 * 12); then the account: the number must be one it rents (13), not disabled
 * (15), on an account with call forwarding (14); then the state machine
 * (16, 17, 18). Success is code 2 with a message, as documented.
 */
export const setCallForwarding = defineHandler('setCallForwarding', (request, { account, state, fail }) => {
  const param = checkForwardingParam(request.type, request.param);
  if (!param.ok) return fail(param.code);
  const number = normalizeVirtualNumber(request.number);
  const { virtualNumbers, disabledVirtualNumbers, callForwarding } = account.settings;
  const disabled = disabledVirtualNumbers.map(normalizeVirtualNumber).includes(number);
  if (!disabled && !virtualNumbers.map(normalizeVirtualNumber).includes(number)) return fail(13);
  if (disabled) return fail(15);
  if (!callForwarding) return fail(14);
  const applied = state.forwarding.apply(account, number, request.type, param.param);
  if (!applied.ok) return fail(applied.code);
  return { success: true, code: 2, message: CALL_FORWARDING_MESSAGES[request.type] };
});

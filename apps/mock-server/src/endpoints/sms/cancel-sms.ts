import { CANCEL_SUCCESS_MESSAGE } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';

/**
 * GET /v1/message-cancel. After the pipeline (apiKey 1, 10; messageId 3
 * missing, 4 not a message id): the account's credits (11: the seed lists it;
 * the mock answers it for an account whose money balance is zero), then the
 * cancel rule (4, 5, 7, 6). Success cancels the message and gives its credits
 * back, once (`state.messages.cancel`).
 */
export const cancelSms = defineHandler('cancelSms', (request, { account, state, now, fail }) => {
  if (account.balanceMicros <= 0) return fail(11);
  const decision = state.messages.cancel(account, Number(request.messageId), now);
  if (!decision.ok) return fail(decision.code);
  return { success: true, code: 200, message: CANCEL_SUCCESS_MESSAGE };
});

import { CANCEL_SUCCESS_MESSAGE, cancelSms, cancelSmsCodes, rejectRequest } from '@smspartner-kit/schema';
import { decideCancel } from '../rules/cancel.js';
import { authenticate, type EnvelopeBody, failure, type Handler } from './shared.js';

/**
 * GET /v1/message-cancel. Checks, in order: apiKey (1, 10), messageId (3
 * missing, 4 not a message id), the account's credits (11: the seed lists it;
 * the mock answers it for an account whose money balance is zero), then the cancel
 * rule (4, 5, 7, 6). Success marks the message cancelled and gives its credits
 * back, once.
 */
export const handleCancelSms: Handler = (params, context): EnvelopeBody => {
  const { store } = context;
  const auth = authenticate('cancelSms', params, context, cancelSmsCodes);
  if ('answer' in auth) return auth.answer;
  const { account } = auth;

  const parsed = cancelSms.request.safeParse(params);
  if (!parsed.success) {
    const rejection = rejectRequest(cancelSms, parsed.error.issues, params);
    return { success: false, code: rejection.code, message: rejection.message };
  }
  if (account.balanceMicros <= 0) return failure(cancelSmsCodes, 11);

  const id = Number(parsed.data.messageId);
  const message = account.messages.get(id);
  const now = store.clockFor(account.apiKey).now();
  const decision = decideCancel(message, now);
  if (!decision.ok || !message) return failure(cancelSmsCodes, decision.ok ? 4 : decision.code);

  message.cancelledAt = now;
  if (!message.sandbox && message.refundedSms === 0) {
    message.refundedSms = message.nbSms;
    account.balanceMicros += message.costMicros;
  }
  return { success: true, code: 200, message: CANCEL_SUCCESS_MESSAGE };
};

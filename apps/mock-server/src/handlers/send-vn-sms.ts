import { sendSmsCodes, sendVnSms, splitPhoneNumbers } from '@smspartner-kit/schema';
import { rejectSend, runSend } from './send-pipeline.js';
import { authenticate, type EnvelopeBody, failure, type Handler } from './shared.js';

/** International without "+", as the docs write virtual numbers (336xxxxxxxx). */
function normalizeVirtualNumber(value: string): string {
  return value.replace(/^\+/, '').replace(/\s+/g, '');
}

/**
 * POST /v1/vn/send. As a single send, plus: `from` must be one of the
 * account's virtual numbers (code 992, "Unauthorized sender", otherwise).
 */
export const handleSendVnSms: Handler = (params, context): EnvelopeBody => {
  const auth = authenticate('sendVnSms', params, context, sendSmsCodes);
  if ('answer' in auth) return auth.answer;
  const { account } = auth;
  const parsed = sendVnSms.request.safeParse(params);
  if (!parsed.success) {
    return rejectSend(
      sendVnSms,
      parsed.error.issues,
      params,
      { kind: 'vn', numbersField: 'to' },
      account,
      context,
    );
  }
  const request = parsed.data;
  const owned = account.settings.virtualNumbers.map(normalizeVirtualNumber);
  if (!owned.includes(normalizeVirtualNumber(request.from))) return failure(sendSmsCodes, 992);
  return runSend(
    {
      kind: 'vn',
      numbers: splitPhoneNumbers(request.to),
      message: request.message,
      sender: normalizeVirtualNumber(request.from),
      tag: request.tag,
      urlResponse: request.urlResponse,
      urlDlr: request.urlDlr,
      isStopSms: request.isStopSms === 1,
      sandbox: request.sandbox === 1,
      numbersField: 'to',
    },
    account,
    context,
  );
};

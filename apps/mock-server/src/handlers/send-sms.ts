import { rejectRequest, sendSms, sendSmsCodes, splitPhoneNumbers } from '@smspartner-kit/schema';
import { handleSendBulkSms } from './send-bulk-sms.js';
import { runSend } from './send-pipeline.js';
import { authenticate, type EnvelopeBody, type Handler } from './shared.js';

/**
 * POST /v1/send. Auth and account gates first (1, 10, 96, 40, 20, 30, 500),
 * then the request schema (2, 43–49, or a code-9 list that also names an
 * invalid number), then the send family's rules (see `runSend`).
 */
export const handleSendSms: Handler = (params, context): EnvelopeBody => {
  // The bulk page's header names POST /v1/send [official]: a body with SMSList is a bulk send.
  if (params.SMSList !== undefined) return handleSendBulkSms(params, context);
  const auth = authenticate('sendSms', params, context, sendSmsCodes);
  if ('answer' in auth) return auth.answer;

  const parsed = sendSms.request.safeParse(params);
  if (!parsed.success) {
    const rejection = rejectRequest(sendSms, parsed.error.issues, params);
    if (rejection.code !== 9) return { success: false, code: rejection.code, message: rejection.message };
    // Still check the numbers, so one answer lists every faulty field.
    const numbers = typeof params.phoneNumbers === 'string' ? splitPhoneNumbers(params.phoneNumbers) : [];
    return runSend(
      { kind: 'send', numbers, message: '', errors: rejection.errors ?? [], numbersField: 'phoneNumbers' },
      auth.account,
      context,
    );
  }
  const request = parsed.data;
  const { scheduledDeliveryDate, time, minute } = request;
  return runSend(
    {
      kind: 'send',
      numbers: splitPhoneNumbers(request.phoneNumbers),
      message: request.message,
      gamme: request.gamme,
      sender: request.sender,
      tag: request.tag,
      schedule:
        scheduledDeliveryDate !== undefined && time !== undefined && minute !== undefined
          ? { scheduledDeliveryDate, time, minute }
          : undefined,
      urlResponse: request.urlResponse,
      urlDlr: request.urlDlr,
      isStopSms: request.isStopSms === 1,
      isUnicode: request.isUnicode === 1,
      sandbox: request.sandbox === 1,
      numbersField: 'phoneNumbers',
    },
    auth.account,
    context,
  );
};

import { sendSms, sendSmsCodes, splitPhoneNumbers } from '@smspartner-kit/schema';
import { handleSendBulkSms } from './send-bulk-sms.js';
import { rejectSend, runSend, scheduleOf } from './send-pipeline.js';
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
    return rejectSend(
      sendSms,
      parsed.error.issues,
      params,
      { kind: 'send', numbersField: 'phoneNumbers' },
      auth.account,
      context,
    );
  }
  const request = parsed.data;
  return runSend(
    {
      kind: 'send',
      numbers: splitPhoneNumbers(request.phoneNumbers),
      message: request.message,
      gamme: request.gamme,
      sender: request.sender,
      tag: request.tag,
      schedule: scheduleOf(request),
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

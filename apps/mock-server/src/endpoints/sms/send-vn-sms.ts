import { splitPhoneNumbers } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { normalizeVirtualNumber } from '../../rules/virtual-number.js';
import { euros, rejectSend, runSend, scheduleEcho } from './send-pipeline.js';

/**
 * POST /v1/vn/send. As a single send, plus: `from` must be one of the
 * account's virtual numbers (code 992, "Unauthorized sender", otherwise).
 */
export const sendVnSms = defineHandler(
  'sendVnSms',
  (request, context) => {
    const owned = context.account.settings.virtualNumbers.map(normalizeVirtualNumber);
    if (!owned.includes(normalizeVirtualNumber(request.from))) return context.fail(992);
    const done = runSend(
      {
        kind: 'vn',
        mode: 'whole',
        numbersField: 'to',
        recipients: splitPhoneNumbers(request.to).map((phoneNumber) => ({
          phoneNumber,
          message: request.message,
        })),
        sender: normalizeVirtualNumber(request.from),
        tag: request.tag,
        urlResponse: request.urlResponse,
        urlDlr: request.urlDlr,
        isStopSms: request.isStopSms === 1,
        sandbox: request.sandbox === 1,
      },
      context,
    );
    if ('success' in done) return done;
    return {
      success: true,
      code: 200,
      message_id: done.message.id,
      nb_sms: done.message.nbSms,
      cost: euros(done.message.costMicros),
      currency: 'EUR',
      ...scheduleEcho(done),
    };
  },
  { onInvalid: (issues, context) => rejectSend('vn', 'to', issues, context) },
);

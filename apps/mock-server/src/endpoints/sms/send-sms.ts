import { splitPhoneNumbers } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { scheduleOf } from '../../rules/send-time.js';
import { euros, rejectSend, runSend, scheduleEcho } from './send-pipeline.js';

/**
 * POST /v1/send: one text to every number of `phoneNumbers`. The pipeline
 * answers the key, the gates (96, 40, 20, 30, 500) and the request schema (2,
 * 43–49, or a code-9 list that also names an invalid number); the send
 * family's rules follow (`runSend`). A body with `SMSList` is a bulk send: the
 * bulk page's header names this path [official].
 */
export const sendSms = defineHandler(
  'sendSms',
  (request, context) => {
    const done = runSend(
      {
        kind: 'send',
        mode: 'whole',
        numbersField: 'phoneNumbers',
        recipients: splitPhoneNumbers(request.phoneNumbers).map((phoneNumber) => ({
          phoneNumber,
          message: request.message,
        })),
        gamme: request.gamme,
        sender: request.sender,
        tag: request.tag,
        schedule: scheduleOf(request),
        urlResponse: request.urlResponse,
        urlDlr: request.urlDlr,
        isStopSms: request.isStopSms === 1,
        isUnicode: request.isUnicode === 1,
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
  {
    delegate: (raw) => (raw.SMSList !== undefined ? 'sendBulkSms' : undefined),
    onInvalid: (issues, context) => rejectSend('send', 'phoneNumbers', issues, context),
  },
);

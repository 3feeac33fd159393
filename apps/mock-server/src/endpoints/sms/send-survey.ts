import { splitPhoneNumbers } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { scheduleOf } from '../../rules/send-time.js';
import { euros, rejectSend, runSend, scheduleEcho } from './send-pipeline.js';

/**
 * POST /v1/sondage/to/send. The survey's text comes from the account's
 * `surveys` (built in the web app on the real platform); an unknown
 * `sondageIdent` answers code 4, "Message not found" (the docs give no code
 * for it: a decision). Then the send family's rules, without sandbox.
 */
export const sendSurvey = defineHandler(
  'sendSurvey',
  (request, context) => {
    const { surveys } = context.account.settings;
    const text = Object.hasOwn(surveys, request.sondageIdent) ? surveys[request.sondageIdent] : undefined;
    if (text === undefined) return context.fail(4);
    const done = runSend(
      {
        kind: 'survey',
        mode: 'whole',
        numbersField: 'phoneNumbers',
        recipients: splitPhoneNumbers(request.phoneNumbers).map((phoneNumber) => ({
          phoneNumber,
          message: text,
        })),
        tag: request.tag,
        schedule: scheduleOf(request),
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
  { onInvalid: (issues, context) => rejectSend('survey', 'phoneNumbers', issues, context) },
);

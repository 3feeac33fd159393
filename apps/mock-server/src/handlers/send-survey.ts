import { sendSmsCodes, sendSurvey, splitPhoneNumbers } from '@smspartner-kit/schema';
import { rejectSend, runSend, scheduleOf } from './send-pipeline.js';
import { authenticate, type EnvelopeBody, failure, type Handler } from './shared.js';

/**
 * POST /v1/sondage/to/send. The survey's text comes from the account's
 * `surveys` (built in the web app on the real platform); an unknown
 * `sondageIdent` answers code 4, "Message not found" (the docs give no code
 * for it: a decision). Then the send family's rules, without sandbox.
 */
export const handleSendSurvey: Handler = (params, context): EnvelopeBody => {
  const auth = authenticate('sendSurvey', params, context, sendSmsCodes);
  if ('answer' in auth) return auth.answer;
  const { account } = auth;
  const parsed = sendSurvey.request.safeParse(params);
  if (!parsed.success) {
    return rejectSend(
      sendSurvey,
      parsed.error.issues,
      params,
      { kind: 'survey', numbersField: 'phoneNumbers' },
      account,
      context,
    );
  }
  const request = parsed.data;
  const text = Object.hasOwn(account.settings.surveys, request.sondageIdent)
    ? account.settings.surveys[request.sondageIdent]
    : undefined;
  if (text === undefined) return failure(sendSmsCodes, 4);
  return runSend(
    {
      kind: 'survey',
      numbers: splitPhoneNumbers(request.phoneNumbers),
      message: text,
      tag: request.tag,
      schedule: scheduleOf(request),
      numbersField: 'phoneNumbers',
    },
    account,
    context,
  );
};

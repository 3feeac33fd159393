import { defineRoute } from '../../../core/define.js';
import { sendSmsCodes, sendSmsResponse } from '../send-sms/route.js';

/** POST /v1/sondage/to/send: the client's part of the `sendSurvey` registry entry. Answers like a single send. */
export const sendSurveyRoute = defineRoute({
  name: 'sendSurvey',
  method: 'POST',
  path: '/v1/sondage/to/send',
  xml: true,
  response: sendSmsResponse,
  codes: sendSmsCodes,
});

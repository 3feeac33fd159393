import { sendSmsCodes } from '../codes.js';
import { defineRoute } from '../endpoints/define.js';
import { sendSmsResponse } from './send-sms.js';

/** POST /v1/sondage/to/send: the client's part of the `sendSurvey` registry entry. Answers like a single send. */
export const sendSurveyRoute = defineRoute({
  method: 'POST',
  path: '/v1/sondage/to/send',
  response: sendSmsResponse,
  codes: sendSmsCodes,
});

import { sendSmsCodes } from '../codes.js';
import { defineRoute } from '../endpoints/define.js';
import { sendSmsResponse } from './send-sms.js';

/**
 * POST /v1/vn/send: the client's part of the `sendVnSms` registry entry. The
 * answer is published with placeholders; the Go client decodes it as the
 * single-send answer.
 */
export const sendVnSmsRoute = defineRoute({
  method: 'POST',
  path: '/v1/vn/send',
  response: sendSmsResponse,
  codes: sendSmsCodes,
});

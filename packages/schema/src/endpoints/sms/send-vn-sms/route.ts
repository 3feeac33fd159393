import { defineRoute } from '../../../core/define.js';
import { sendSmsCodes, sendSmsResponse } from '../send-sms/route.js';

/**
 * POST /v1/vn/send: the client's part of the `sendVnSms` registry entry. The
 * answer is published with placeholders; the Go client decodes it as the
 * single-send answer.
 */
export const sendVnSmsRoute = defineRoute({
  name: 'sendVnSms',
  method: 'POST',
  path: '/v1/vn/send',
  xml: true,
  response: sendSmsResponse,
  codes: sendSmsCodes,
});

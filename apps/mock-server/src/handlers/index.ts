import type { EndpointName } from '@smspartner-kit/schema';
import { handleCancelSms } from './cancel-sms.js';
import { handleGetCredits } from './get-credits.js';
import { handleSendBulkSms } from './send-bulk-sms.js';
import { handleSendSms } from './send-sms.js';
import { handleSendSurvey } from './send-survey.js';
import { handleSendVnSms } from './send-vn-sms.js';
import type { Handler } from './shared.js';

/** A handler per registry entry: adding an endpoint to the registry without one here is a type error. */
export const handlers: { readonly [Name in EndpointName]: Handler } = {
  getCredits: handleGetCredits,
  sendSms: handleSendSms,
  sendBulkSms: handleSendBulkSms,
  sendVnSms: handleSendVnSms,
  sendSurvey: handleSendSurvey,
  cancelSms: handleCancelSms,
};

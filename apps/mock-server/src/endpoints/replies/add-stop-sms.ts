import { checkPhoneNumber } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';

/**
 * POST /v1/stop-sms/add. After the pipeline (1, 10; 2 no number): 9 for a
 * number that is not one (French national or international, others
 * international, as the send family reads them), 3 when it is listed
 * already, 500 at the mock's bound (`limits.stopNumbers`). From then on a
 * send to it answers 14 and the status endpoints flag it.
 */
export const addStopSms = defineHandler('addStopSms', (request, { account, now, fail }) => {
  const checked = checkPhoneNumber(request.phoneNumber);
  if (!checked.valid) return fail(9);
  const added = account.stopList.add(checked.e164, now, 'api');
  if (!added.ok) return fail(added.reason === 'exists' ? 3 : 500);
  return { success: true, code: 200, stopId: added.entry.id };
});

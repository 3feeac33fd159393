import { checkPhoneNumber } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';

const absent = (value: unknown) => value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * GET /v1/stop-sms/delete. After the pipeline (1, 10): the entry `id` (Stop
 * List's `id`, Add's `stopId`): 4 when the account's list has none with it.
 * Without an `id`, the mock takes a `phoneNumber` instead (its reading of the
 * table's code 2): 2 when that is empty, 4 when the number is not listed; 3
 * when neither is given.
 */
export const deleteStopSms = defineHandler('deleteStopSms', (request, { account, fail }) => {
  if (absent(request.id)) {
    if (request.phoneNumber === undefined) return fail(3);
    if (absent(request.phoneNumber)) return fail(2);
    const checked = checkPhoneNumber(request.phoneNumber);
    const entry = checked.valid ? account.stopList.get(checked.e164) : undefined;
    if (!entry) return fail(4);
    account.stopList.removeId(entry.id);
    return { success: true, code: 200 };
  }
  const id = Number(request.id);
  if (!Number.isSafeInteger(id) || !account.stopList.removeId(id)) return fail(4);
  return { success: true, code: 200 };
});

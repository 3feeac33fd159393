import { formatParisDateTime } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';

/**
 * GET /v1/stop-sms/list: the account's STOP list, oldest first, whatever put
 * a number there (the config, POST /v1/stop-sms/add, a STOP reply);
 * `createdAt` in Paris time. No pagination is documented: the whole list.
 */
export const listStopSms = defineHandler('listStopSms', (_request, { account }) => {
  const data = [...account.stopList.entries()].map((entry) => ({
    id: entry.id,
    phoneNumber: entry.phoneNumber,
    createdAt: formatParisDateTime(entry.createdAt),
  }));
  return { success: true, code: 200, nbData: data.length, data };
});

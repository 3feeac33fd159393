import { formatStatusDate, type MultiStatusItem, NUMBER_NOT_FOUND } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { wireStatus } from '../../rules/delivery.js';
import { findRecipient } from './status-items.js';

/**
 * /v1/multi-status (POST, as the samples do, or GET). After the pipeline (1,
 * 10, 96; 5 no list or an empty one, 50 over 500 pairs, 2/3 a pair without
 * its number/id, 6 anything else malformed): 9 when a pair's number is not a
 * phone number, else one item per pair, in order. An unknown pair is `success:
 * false, code: 4, status: "Number not found"`, and the answer is still a
 * success [official]. Items echo `phoneNumber` as given and `messageId` as an
 * integer; `stopSms` and `isSpam` are `"0"`/`"1"` (the mock never flags spam).
 */
export const getMultiStatus = defineHandler('getMultiStatus', (request, { account, state, now, fail }) => {
  const items: MultiStatusItem[] = [];
  for (const pair of request.SMSStatut_List) {
    const found = findRecipient(state, account, pair.messageId, pair.phoneNumber, now);
    if (found === 'invalid') return fail(9);
    const messageId = Number(pair.messageId);
    if (found === 'unknown') {
      items.push({
        success: false,
        code: 4,
        phoneNumber: pair.phoneNumber,
        messageId,
        status: NUMBER_NOT_FOUND,
      });
      continue;
    }
    items.push({
      success: true,
      code: 200,
      phoneNumber: pair.phoneNumber,
      messageId,
      status: wireStatus(found.state),
      date: formatStatusDate(found.at),
      stopSms: account.stopList.has(found.phoneNumber) ? '1' : '0',
      isSpam: '0',
    });
  }
  return { success: true, code: 200, StatutResponse_List: items };
});

import { formatStatusDate } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { wireStatus } from '../../rules/delivery.js';
import { euros } from '../sms/send-pipeline.js';
import { findRecipient } from './status-items.js';

/**
 * GET /v1/message-status. After the pipeline (1, 10, 96; 3 no message id, 4
 * not a message id, 2 no number): 9 for a number that is not one, 4 for a
 * message this account did not send or a number it was not sent to. The
 * status is the recipient's at the account's clock: `Waiting` while
 * scheduled or not yet received, then its outcome; `Not delivered` once
 * cancelled. `date` is when it reached that status (unix seconds, as
 * recorded), `cost` what its SMS cost (0 in sandbox, 0 once cancelled and
 * refunded), `stopSms` whether the number is on the STOP list now.
 */
export const getMessageStatus = defineHandler(
  'getMessageStatus',
  (request, { account, state, now, fail }) => {
    const found = findRecipient(state, account, request.messageId, request.phoneNumber, now);
    if (found === 'invalid') return fail(9);
    if (found === 'unknown') return fail(4);
    return {
      success: true,
      code: 200,
      number: found.phoneNumber,
      messageId: String(Number(request.messageId)),
      stopSms: account.stopList.has(found.phoneNumber),
      date: formatStatusDate(found.at),
      statut: wireStatus(found.state),
      cost: euros(found.costMicros),
      countryCode: found.countryCode ?? '',
      currency: 'EUR',
    };
  },
);

import { bulkSmsItem, sendSmsCodes } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';
import { scheduleOf } from '../../rules/send-time.js';
import { euros, runSend, type SendRecipient, scheduleEcho } from './send-pipeline.js';

/** An `SMSList` item as a recipient; an item its schema refuses fails alone (2 no number, 43 no message). */
function recipientOf(raw: unknown): SendRecipient {
  const item = bulkSmsItem.safeParse(raw);
  if (item.success) return item.data;
  const given = (raw as { phoneNumber?: unknown } | null)?.phoneNumber;
  const onNumber = item.error.issues.some((issue) => issue.path[0] === 'phoneNumber');
  return { phoneNumber: typeof given === 'string' ? given : '', message: '', refused: onNumber ? 2 : 43 };
}

/**
 * POST /v1/bulk-send: one message per recipient, through the same per-recipient
 * pipeline as a single send (`runSend`), in `each` mode: request-level rules
 * as a single send (2 for an empty list, 50 over 500 items, the send time,
 * Unicode, Low Cost eligibility, credits for the whole batch), then each item
 * succeeds or fails on its own. The docs show only successful items, so failed
 * items are the mock's decision: `success: false` with the code a single send
 * would answer (2 no number, 43 no message, 9 invalid number, 42 Low Cost too
 * long, 52 too many parts, 14 STOP list, 13 not priced), `nbSms: 0`, `cost: 0`
 * and a `message`. A batch where no item can go answers 55. One `message_id`
 * covers the batch; cancelling it refunds every item.
 */
export const sendBulkSms = defineHandler('sendBulkSms', (request, context) => {
  const done = runSend(
    {
      kind: 'bulk',
      mode: 'each',
      numbersField: 'SMSList',
      recipients: request.SMSList.map(recipientOf),
      gamme: request.gamme,
      sender: request.sender,
      tag: request.tag,
      schedule: scheduleOf(request),
      urlResponse: request.urlResponse,
      urlDlr: request.urlDlr,
      isStopSms: request.isStopSms === 1,
      isUnicode: request.isUnicode === 1,
      sandbox: request.sandbox === 1,
    },
    context,
  );
  if ('success' in done) return done;
  return {
    success: true,
    code: 200,
    message_id: done.message.id,
    currency: 'EUR',
    cost: euros(done.message.costMicros),
    nbSMS: done.message.nbSms,
    SMSResponse_List: done.outcomes.map((outcome) =>
      outcome.ok
        ? {
            success: true,
            code: 200,
            nbSms: outcome.nbSms,
            cost: euros(outcome.costMicros),
            phoneNumber: outcome.phoneNumber,
          }
        : {
            success: false,
            code: outcome.code,
            nbSms: 0,
            cost: 0,
            phoneNumber: outcome.phoneNumber,
            message: sendSmsCodes[outcome.code].message,
          },
    ),
    ...scheduleEcho(done),
  };
});

import {
  type BulkSmsResult,
  bulkSmsItem,
  elementIdFor,
  estimateSend,
  formatAmount,
  formatParisDateTime,
  MAX_RECIPIENTS,
  rejectRequest,
  sendBulkSms,
  sendSmsCodes,
} from '@smspartner-kit/schema';
import { decideSendTime, scheduleOf } from './send-pipeline.js';
import { authenticate, type EnvelopeBody, failure, type Handler, validationFailure } from './shared.js';

const amount = (micros: number) => Number(formatAmount(micros, 3));

/**
 * POST /v1/bulk-send: one message per recipient. Request-level rules as a
 * single send (auth and gates, 2 for an empty list, 50 over 500 items, the
 * send time, Unicode, Low Cost eligibility, credits for the whole batch).
 * Each item then succeeds or fails on its own — the docs show only successful
 * items, so failed items are the mock's decision: `success: false` with the
 * code a single send would answer (2 no number, 43 no message, 9 invalid
 * number, 13 not priced, 14 STOP list, 42 Low Cost too long, 52 too many
 * parts), `nbSms: 0`, `cost: 0` and a `message`. A batch where no item can go
 * answers 55. One `message_id` covers the batch; cancelling it refunds every item.
 */
export const handleSendBulkSms: Handler = (params, context): EnvelopeBody => {
  const auth = authenticate('sendBulkSms', params, context, sendSmsCodes);
  if ('answer' in auth) return auth.answer;
  const { account } = auth;
  const { store, config } = context;
  const now = store.clockFor(account.apiKey).now();

  const parsed = sendBulkSms.request.safeParse(params);
  if (!parsed.success) {
    const rejection = rejectRequest(sendBulkSms, parsed.error.issues, params);
    if (rejection.code !== 9) return { success: false, code: rejection.code, message: rejection.message };
    return validationFailure(rejection.errors ?? []);
  }
  const request = parsed.data;
  if (request.SMSList.length > MAX_RECIPIENTS) return failure(sendSmsCodes, 50);

  const when = decideSendTime(scheduleOf(request), now, account.settings.marketing);
  const errors = [];
  if (request.isUnicode === 1 && !account.settings.unicode) {
    errors.push({
      elementId: elementIdFor('isUnicode'),
      message: 'Unicode sending is not enabled on this account',
    });
  }
  if (!when.ok && when.item) errors.push(when.item);
  if (errors.length > 0) return validationFailure(errors);
  if (!when.ok) return when.answer;
  if (request.gamme === 2 && !account.settings.lowCost) return failure(sendSmsCodes, 51);

  const results: BulkSmsResult[] = [];
  const sent: { phoneNumber: string; text: string; nbSms: number; costMicros: number }[] = [];
  for (const raw of request.SMSList) {
    const fail = (code: number, phoneNumber: string): void => {
      results.push({
        success: false,
        code,
        nbSms: 0,
        cost: 0,
        phoneNumber,
        message: sendSmsCodes[code as keyof typeof sendSmsCodes]?.message ?? 'Error',
      });
    };
    const item = bulkSmsItem.safeParse(raw);
    const rawNumber =
      typeof (raw as { phoneNumber?: unknown })?.phoneNumber === 'string'
        ? (raw as { phoneNumber: string }).phoneNumber
        : '';
    if (!item.success) {
      const onNumber = item.error.issues.some((issue) => issue.path[0] === 'phoneNumber');
      fail(onNumber ? 2 : 43, rawNumber);
      continue;
    }
    const estimate = estimateSend(
      {
        message: item.data.message,
        phoneNumbers: [item.data.phoneNumber],
        gamme: request.gamme,
        isUnicode: request.isUnicode === 1,
        isStopSms: request.isStopSms === 1 || account.settings.marketing,
      },
      { prices: store.prices, stopMention: config.stopMention },
    );
    const recipient = estimate.recipients[0];
    const problem = estimate.problems.find((candidate) => [9, 42, 52, 13].includes(candidate.code));
    if (problem) {
      fail(problem.code, recipient?.e164 ?? item.data.phoneNumber);
      continue;
    }
    if (recipient?.e164 && account.stopList.has(recipient.e164)) {
      fail(14, recipient.e164);
      continue;
    }
    const phoneNumber = recipient?.e164 ?? item.data.phoneNumber;
    sent.push({
      phoneNumber,
      text: estimate.message.text,
      nbSms: estimate.nbSms,
      costMicros: estimate.costMicros,
    });
    results.push({
      success: true,
      code: 200,
      nbSms: estimate.nbSms,
      cost: amount(estimate.costMicros),
      phoneNumber,
    });
  }
  if (sent.length === 0) return failure(sendSmsCodes, 55);

  const nbSms = sent.reduce((sum, item) => sum + item.nbSms, 0);
  const costMicros = sent.reduce((sum, item) => sum + item.costMicros, 0);
  const sandbox = request.sandbox === 1;
  if (!sandbox && account.balanceMicros < costMicros) return failure(sendSmsCodes, 11);

  const message = store.addMessage(account, {
    kind: 'bulk',
    phoneNumbers: sent.map((item) => item.phoneNumber),
    message: sent.map((item) => item.text).join('\n'),
    sender: request.sender,
    range: request.gamme === 2 ? 'lowCost' : 'premium',
    tag: request.tag,
    urlResponse: request.urlResponse,
    urlDlr: request.urlDlr,
    held: when.held,
    nbSms,
    costMicros,
    sendAt: when.sendAt,
    scheduled: when.scheduled,
    sandbox,
  });
  if (!sandbox) account.balanceMicros -= costMicros;

  return {
    success: true,
    code: 200,
    message_id: message.id,
    currency: 'EUR',
    cost: amount(costMicros),
    nbSMS: nbSms,
    SMSResponse_List: results,
    ...(when.scheduled ? { scheduledDeliveryDate: formatParisDateTime(when.sendAt) } : {}),
  };
};

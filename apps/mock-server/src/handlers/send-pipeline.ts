import {
  type AnyEndpoint,
  checkMarketingWindow,
  elementIdFor,
  estimateSend,
  formatAmount,
  formatParisDateTime,
  fromScheduleFields,
  MAX_RECIPIENTS,
  nextMarketingSlot,
  parseScheduledDate,
  rejectRequest,
  sendSmsCodes,
  splitPhoneNumbers,
  type ValidationIssue,
} from '@smspartner-kit/schema';
import type { AccountState } from '../store.js';
import { type EnvelopeBody, failure, type HandlerContext, validationFailure } from './shared.js';

/** One send, as the endpoints of the send family hand it to the pipeline. */
export interface SendPlan {
  kind: 'send' | 'vn' | 'survey';
  numbers: string[];
  message: string;
  gamme?: 1 | 2 | undefined;
  sender?: string | undefined;
  tag?: string | undefined;
  schedule?: { scheduledDeliveryDate: string; time: number; minute: number } | undefined;
  urlResponse?: string | undefined;
  urlDlr?: string | undefined;
  isStopSms?: boolean | undefined;
  isUnicode?: boolean | undefined;
  sandbox?: boolean | undefined;
  /** Code-9 items the endpoint already found (its schema issues). */
  errors?: ValidationIssue[];
  /** The request field that holds the numbers, for code-9 items. */
  numbersField: string;
}

/** When the message goes out, or the answer that refuses it. */
export type SendTime =
  | { ok: true; sendAt: number; scheduled: boolean; held: boolean }
  | { ok: false; answer: EnvelopeBody; item?: ValidationIssue };

/**
 * Scheduling, as a pure function of the fields, the time and the account:
 * an impossible date → 49; a time in the past → a code-9 item; for a marketing
 * account, a scheduled time outside the commercial window → 22 (hours) or 23
 * (Sunday, holiday), and an immediate send outside it is held until the next
 * slot (the send pages say such messages are held; the error table's 22/23 are
 * kept for explicit schedules — a decision, see the README).
 */
export function decideSendTime(schedule: SendPlan['schedule'], now: number, marketing: boolean): SendTime {
  if (!schedule) {
    if (!marketing || checkMarketingWindow(now).ok)
      return { ok: true, sendAt: now, scheduled: false, held: false };
    return { ok: true, sendAt: nextMarketingSlot(now), scheduled: true, held: true };
  }
  if (!parseScheduledDate(schedule.scheduledDeliveryDate))
    return { ok: false, answer: failure(sendSmsCodes, 49) };
  const at = fromScheduleFields(schedule);
  if (!at) return { ok: false, answer: failure(sendSmsCodes, 49) };
  if (at.epochMs <= now) {
    const minute = String(schedule.minute).padStart(2, '0');
    return {
      ok: false,
      answer: failure(sendSmsCodes, 9),
      item: {
        elementId: elementIdFor('scheduledDeliveryDate'),
        message: `The date (${schedule.scheduledDeliveryDate} at ${schedule.time}:${minute}) is earlier than the current date.`,
      },
    };
  }
  if (marketing) {
    const window = checkMarketingWindow(at.epochMs);
    if (!window.ok) return { ok: false, answer: failure(sendSmsCodes, window.code) };
  }
  return { ok: true, sendAt: at.epochMs, scheduled: true, held: false };
}

/**
 * The send family's common rules, in the order the mock checks them (after
 * auth and the request schema): numbers present (55), at most 500 (50), each
 * valid (9), Unicode enabled (9), the send time (49, 9, 22, 23), the Low Cost
 * range allowed (51) and short enough (42), at most 10 parts (52), no number on
 * the STOP list (14), every destination priced (13), credits (11). Then it
 * debits and records the message. Sandbox sends pass every rule but credits,
 * debit nothing and are flagged.
 */
export function runSend(
  plan: SendPlan,
  account: AccountState,
  { store, config }: HandlerContext,
): EnvelopeBody {
  const now = store.clockFor(account.apiKey).now();
  const errors: ValidationIssue[] = [...(plan.errors ?? [])];
  if (plan.numbers.length === 0 && errors.length === 0) return failure(sendSmsCodes, 55);
  if (plan.numbers.length > MAX_RECIPIENTS) return failure(sendSmsCodes, 50);

  const marketing = account.settings.marketing;
  const estimate = estimateSend(
    {
      message: plan.message,
      phoneNumbers: plan.numbers,
      gamme: plan.gamme,
      isUnicode: plan.isUnicode,
      // The STOP mention is automatic on marketing accounts (Premium).
      isStopSms: plan.isStopSms || marketing,
    },
    { prices: store.prices, stopMention: config.stopMention },
  );
  const invalid = estimate.problems.find((problem) => problem.code === 9);
  if (
    invalid &&
    invalid.code === 9 &&
    !errors.some((item) => item.elementId === elementIdFor(plan.numbersField))
  ) {
    errors.push({
      elementId: elementIdFor(plan.numbersField),
      message: `This phone number is not valid (${invalid.number})`,
    });
  }
  if (plan.isUnicode && !account.settings.unicode) {
    errors.push({
      elementId: elementIdFor('isUnicode'),
      message: 'Unicode sending is not enabled on this account',
    });
  }
  const time = decideSendTime(plan.schedule, now, marketing);
  if (!time.ok && time.item) errors.push(time.item);
  if (errors.length > 0) return validationFailure(errors);
  if (!time.ok) return time.answer;

  if (estimate.range === 'lowCost' && !account.settings.lowCost) return failure(sendSmsCodes, 51);
  for (const code of [42, 52] as const) {
    if (estimate.problems.some((problem) => problem.code === code)) return failure(sendSmsCodes, code);
  }
  if (estimate.recipients.some((recipient) => recipient.e164 && account.stopList.has(recipient.e164))) {
    return failure(sendSmsCodes, 14);
  }
  if (estimate.problems.some((problem) => problem.code === 13)) return failure(sendSmsCodes, 13);

  const sandbox = plan.sandbox === true;
  if (!sandbox && account.balanceMicros < estimate.costMicros) return failure(sendSmsCodes, 11);

  const message = store.addMessage(account, {
    kind: plan.kind,
    phoneNumbers: estimate.recipients.map((recipient) => recipient.e164 ?? recipient.input),
    message: estimate.message.text,
    sender: plan.sender,
    range: estimate.range,
    tag: plan.tag,
    urlResponse: plan.urlResponse,
    urlDlr: plan.urlDlr,
    held: time.held,
    nbSms: estimate.nbSms,
    costMicros: estimate.costMicros,
    sendAt: time.sendAt,
    scheduled: time.scheduled,
    sandbox,
  });
  if (!sandbox) account.balanceMicros -= estimate.costMicros;

  return {
    success: true,
    code: 200,
    message_id: message.id,
    nb_sms: estimate.nbSms,
    cost: Number(formatAmount(estimate.costMicros, 3)),
    currency: 'EUR',
    ...(time.scheduled ? { scheduledDeliveryDate: formatParisDateTime(time.sendAt) } : {}),
  };
}

/** The scheduling fields of a parsed request, when all three are there. */
export function scheduleOf(request: {
  scheduledDeliveryDate?: string | undefined;
  time?: number | undefined;
  minute?: number | undefined;
}): SendPlan['schedule'] {
  const { scheduledDeliveryDate, time, minute } = request;
  return scheduledDeliveryDate !== undefined && time !== undefined && minute !== undefined
    ? { scheduledDeliveryDate, time, minute }
    : undefined;
}

/**
 * A send request that broke its schema: a field with a code of its own
 * answers that code; otherwise the code-9 list, to which the numbers'
 * problems are added, so one answer names every faulty field.
 */
export function rejectSend(
  endpoint: AnyEndpoint,
  issues: Parameters<typeof rejectRequest>[1],
  params: Record<string, unknown>,
  plan: Pick<SendPlan, 'kind' | 'numbersField'>,
  account: AccountState,
  context: HandlerContext,
): EnvelopeBody {
  const rejection = rejectRequest(endpoint, issues, params);
  if (rejection.code !== 9) return { success: false, code: rejection.code, message: rejection.message };
  const field = params[plan.numbersField];
  const numbers = typeof field === 'string' ? splitPhoneNumbers(field) : [];
  return runSend({ ...plan, numbers, message: '', errors: rejection.errors ?? [] }, account, context);
}

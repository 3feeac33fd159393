import {
  type EndpointName,
  type EstimateProblem,
  elementIdFor,
  estimateSend,
  formatAmount,
  formatParisDateTime,
  MAX_RECIPIENTS,
  type Range,
  rangeOf,
  type ScheduleFields,
  type SendSmsCode,
  sendSmsCodes,
  splitPhoneNumbers,
  type ValidationIssue,
} from '@smspartner-kit/schema';
import { type Failure, failure, type HandlerContext, validationFailure } from '../../core/define-handler.js';
import type { MessageKind, StoredMessage } from '../../rules/message-state.js';
import { decideSendTime, pastIncompleteSchedule, type SendTime } from '../../rules/send-time.js';

/** One recipient of a send: a number as given and the text it gets. */
export interface SendRecipient {
  readonly phoneNumber: string;
  readonly message: string;
  /** A bulk item its own schema refused: 2 (no number) or 43 (no message). */
  readonly refused?: 2 | 43;
}

/** One send, as the endpoints of the send family hand it to {@link runSend}. */
export interface SendPlan {
  readonly kind: MessageKind;
  /** The request field that holds the numbers, for code-9 items. */
  readonly numbersField: string;
  readonly recipients: readonly SendRecipient[];
  /**
   * `whole`: one recipient's problem refuses the send with its code (single,
   * long number, survey); `each`: it fails that recipient's item only (bulk).
   */
  readonly mode: 'whole' | 'each';
  readonly gamme?: 1 | 2 | undefined;
  readonly sender?: string | undefined;
  readonly tag?: string | undefined;
  readonly schedule?: ScheduleFields | undefined;
  readonly urlResponse?: string | undefined;
  readonly urlDlr?: string | undefined;
  readonly isStopSms?: boolean | undefined;
  readonly isUnicode?: boolean | undefined;
  readonly sandbox?: boolean | undefined;
  /** Code-9 items already found (the request schema's), so one answer names every faulty field. */
  readonly issues?: readonly ValidationIssue[];
  /**
   * Prices a recipient otherwise than as an SMS of its text (an RCS message
   * that reaches it): `units` of the plan's own kind for `costMicros`.
   * Undefined prices it as an SMS (the RCS fallback, or a destination the
   * plan does not price). The rules on the SMS text (42, 52) still apply.
   */
  readonly ownPrice?: (recipient: { e164: string; country: string | undefined }) => OwnPrice | undefined;
  /** The text the message book keeps, when it is not the recipients' SMS text (an RCS message's content). */
  readonly storedText?: string;
}

/** What {@link SendPlan.ownPrice} charges a recipient. */
export interface OwnPrice {
  readonly units: number;
  readonly costMicros: number;
}

/** How one recipient went. */
export type RecipientOutcome =
  | {
      readonly ok: true;
      readonly phoneNumber: string;
      readonly nbSms: number;
      readonly costMicros: number;
      /** Units of the plan's own kind (an RCS message), when {@link SendPlan.ownPrice} priced it. */
      readonly units?: number;
    }
  | { readonly ok: false; readonly phoneNumber: string; readonly code: Exclude<SendSmsCode, 200> };

/** A send that went through: the stored message and how each recipient went (a failure has `success: false`). */
export interface SendDone {
  readonly message: StoredMessage;
  readonly outcomes: readonly RecipientOutcome[];
  readonly scheduled: boolean;
}

/** Euros with three decimals, as send answers write costs (numbers, not strings). */
export const euros = (micros: number): number => Number(formatAmount(micros, 3));

/** The `scheduledDeliveryDate` echo of a scheduled (or held) send, Paris time. */
export const scheduleEcho = (done: SendDone) =>
  done.scheduled ? { scheduledDeliveryDate: formatParisDateTime(done.message.sendAt) } : {};

type SendContext = Pick<HandlerContext<EndpointName>, 'account' | 'state' | 'now' | 'config'>;

/** What one recipient's text and number cost, with the estimator the client ships (so the two never disagree). */
interface Priced {
  readonly recipient: SendRecipient;
  readonly e164: string | undefined;
  readonly text: string;
  readonly nbSms: number;
  readonly costMicros: number;
  readonly own: OwnPrice | undefined;
  readonly problem: EstimateProblem | undefined;
}

/**
 * Prices every recipient, with one estimate per distinct text: a single send
 * to 500 numbers prepares its text once, a bulk send once per item.
 */
function price(plan: SendPlan, { state, config, account }: SendContext): Priced[] {
  const groups = new Map<string, SendRecipient[]>();
  for (const recipient of plan.recipients) {
    if (recipient.refused) continue;
    const group = groups.get(recipient.message);
    if (group) group.push(recipient);
    else groups.set(recipient.message, [recipient]);
  }
  const byRecipient = new Map<SendRecipient, Priced>();
  for (const [text, recipients] of groups) {
    const estimate = estimateSend(
      {
        message: text,
        phoneNumbers: recipients.map((recipient) => recipient.phoneNumber),
        gamme: plan.gamme,
        isUnicode: plan.isUnicode,
        // The STOP mention is automatic on marketing accounts (Premium).
        isStopSms: plan.isStopSms || account.settings.marketing,
      },
      { prices: state.prices, stopMention: config.stopMention },
    );
    const shared = estimate.problems.find((problem) => problem.code === 42 || problem.code === 52);
    estimate.recipients.forEach((priced, index) => {
      const recipient = recipients[index] as SendRecipient;
      const own =
        priced.e164 === undefined
          ? undefined
          : plan.ownPrice?.({ e164: priced.e164, country: priced.country });
      const problem: EstimateProblem | undefined =
        priced.e164 === undefined
          ? { code: 9, reason: 'invalid-number', number: priced.input }
          : (shared ??
            (own === undefined && priced.priceMicros === undefined
              ? { code: 13, reason: 'not-priced', number: priced.input }
              : undefined));
      const parts = own ? 0 : estimate.message.parts;
      byRecipient.set(recipient, {
        recipient,
        e164: priced.e164,
        text: estimate.message.text,
        nbSms: problem ? 0 : parts,
        costMicros: problem ? 0 : (own?.costMicros ?? parts * (priced.priceMicros ?? 0)),
        own: problem ? undefined : own,
        problem,
      });
    });
  }
  return plan.recipients.flatMap((recipient) => byRecipient.get(recipient) ?? []);
}

/** The code one recipient fails with, in the order the rules are checked: 9, 42, 52, 14, 13. */
function recipientCode(
  priced: Priced,
  stopList: { has(phoneNumber: string): boolean },
): 9 | 13 | 14 | 42 | 52 | undefined {
  const problem = priced.problem?.code;
  if (problem === 9 || problem === 42 || problem === 52) return problem;
  if (priced.e164 !== undefined && stopList.has(priced.e164)) return 14;
  return problem === 13 ? 13 : undefined;
}

/**
 * The send family's rules, in the order the mock checks them (after the
 * pipeline's key, gates and request schema): a recipient at all (55), at
 * most 500 (50), each number valid (9), Unicode enabled (9), the send time
 * (49, 9, 22, 23), the Low Cost range allowed (51), then each recipient: short
 * enough for Low Cost (42), at most 10 parts (52), not on the STOP list (14),
 * priced (13) — a `whole` send answers the first such code, an `each` send
 * fails that item (and answers 55 when no item can go) — and credits for the
 * lot (11). Then the message book stores it and debits it, in one step.
 * Sandbox sends pass every rule but credits, and debit nothing.
 */
export function runSend(plan: SendPlan, context: SendContext): SendDone | Failure<SendSmsCode> {
  const { account, state, now } = context;
  const fail = (code: SendSmsCode) => failure(sendSmsCodes, code);
  const issues: ValidationIssue[] = [...(plan.issues ?? [])];
  const live = plan.recipients.filter((recipient) => !recipient.refused);
  if (plan.mode === 'whole' && live.length === 0 && issues.length === 0) return fail(55);
  if (plan.recipients.length > MAX_RECIPIENTS) return fail(50);

  const priced = price(plan, context);
  const numbersElement = elementIdFor(plan.numbersField);
  if (plan.mode === 'whole' && !issues.some((item) => item.elementId === numbersElement)) {
    const invalid = priced.find((item) => item.problem?.code === 9);
    if (invalid) {
      issues.push({
        elementId: numbersElement,
        message: `This phone number is not valid (${invalid.recipient.phoneNumber})`,
      });
    }
  }
  if (plan.isUnicode && !account.settings.unicode) {
    issues.push({
      elementId: elementIdFor('isUnicode'),
      message: 'Unicode sending is not enabled on this account',
    });
  }
  const time: SendTime = decideSendTime(plan.schedule, now, account.settings.marketing);
  if (!time.ok && time.code === 9) issues.push(time.item);
  if (issues.length > 0) return validationFailure(issues);
  if (!time.ok) return fail(time.code);

  const range: Range = rangeOf(plan.gamme);
  if (range === 'lowCost' && !account.settings.lowCost) return fail(51);

  const pricedBy = new Map(priced.map((item) => [item.recipient, item]));
  const sent: Priced[] = [];
  const outcomes = plan.recipients.map((recipient): RecipientOutcome => {
    const item = pricedBy.get(recipient);
    if (!item) return { ok: false, phoneNumber: recipient.phoneNumber, code: recipient.refused ?? 2 };
    const code = recipientCode(item, account.stopList);
    const phoneNumber = item.e164 ?? recipient.phoneNumber;
    if (code !== undefined) return { ok: false, phoneNumber, code };
    sent.push(item);
    return {
      ok: true,
      phoneNumber,
      nbSms: item.nbSms,
      costMicros: item.costMicros,
      ...(item.own ? { units: item.own.units } : {}),
    };
  });
  if (plan.mode === 'whole') {
    // The whole send answers the rule that comes first, whichever recipient broke it.
    for (const code of [42, 52, 14, 13] as const) {
      if (outcomes.some((outcome) => !outcome.ok && outcome.code === code)) return fail(code);
    }
  }
  if (sent.length === 0) return fail(55);

  const nbSms = sent.reduce((sum, item) => sum + item.nbSms, 0);
  const costMicros = sent.reduce((sum, item) => sum + item.costMicros, 0);
  const sandbox = plan.sandbox === true;
  const stored = state.messages.schedule(
    account,
    {
      kind: plan.kind,
      phoneNumbers: sent.map((item) => item.e164 ?? item.recipient.phoneNumber),
      message:
        plan.storedText ??
        (plan.mode === 'whole' ? (sent[0] as Priced).text : sent.map((item) => item.text).join('\n')),
      sender: plan.sender,
      range,
      tag: plan.tag,
      urlResponse: plan.urlResponse,
      urlDlr: plan.urlDlr,
      recipientParts: plan.mode === 'each' ? sent.map((item) => item.nbSms) : undefined,
      held: time.held,
      nbSms,
      costMicros,
      sendAt: time.sendAt,
      scheduled: time.scheduled,
      sandbox,
    },
    now,
  );
  if (!stored.ok) return fail(stored.reason === 'store-full' ? 500 : 11);
  return { message: stored.message, outcomes, scheduled: time.scheduled };
}

/**
 * A send request its schema refused with a code-9 list: the same answer, plus
 * what the send rules find wrong with the numbers (an invalid one, more than
 * 500), so one answer names every faulty field, as the API's does.
 */
export function rejectSend(
  kind: MessageKind,
  numbersField: string,
  issues: readonly ValidationIssue[],
  context: SendContext & Pick<HandlerContext<EndpointName>, 'raw'>,
): Failure<SendSmsCode> {
  const { raw, now } = context;
  const numbers = numbersOf(raw[numbersField]);
  const recipients = numbers.map((phoneNumber) => ({ phoneNumber, message: '' }));
  const found = [...issues];
  const date = raw.scheduledDeliveryDate;
  if (
    typeof date === 'string' &&
    !found.some((item) => item.elementId === elementIdFor('scheduledDeliveryDate'))
  ) {
    const past = pastIncompleteSchedule(date, wholeNumber(raw.time), wholeNumber(raw.minute), now);
    if (past) found.push(past);
  }
  const outcome = runSend({ kind, mode: 'whole', numbersField, recipients, issues: found }, context);
  return 'success' in outcome ? outcome : validationFailure(found);
}

/**
 * The numbers of a numbers field: a comma-separated string (the send pages),
 * or a list of strings (the RCS page's JSON examples); blank items dropped.
 */
export function numbersOf(field: unknown): string[] {
  if (typeof field === 'string') return splitPhoneNumbers(field);
  if (!Array.isArray(field)) return [];
  return field.flatMap((item) => (typeof item === 'string' && item.trim() !== '' ? [item.trim()] : []));
}

/** A raw hour or minute as the request schema reads it (a JSON number or a digit string), else undefined. */
function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

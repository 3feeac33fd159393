import type { DeliveryStatus } from '@smspartner-kit/schema';

/**
 * How one recipient's delivery goes, as a pure function of the number, the
 * account's settings and the time: no timer per message. A recipient is
 * `scheduled` until its message's send time, `Waiting` from then, and reaches
 * its outcome (`Delivered`, `Not delivered`, or none: it stays `Waiting`)
 * once its delay has passed. A cancelled message never delivers.
 */

/** A recipient's state: the three delivery statuses of the API, plus the two a status answer cannot tell. */
export type RecipientState = 'scheduled' | DeliveryStatus | 'cancelled';

/** Whether a state can no longer change on the clock (a forced outcome may still change it). */
export function isFinalState(state: RecipientState): boolean {
  return state === 'Delivered' || state === 'Not delivered' || state === 'cancelled';
}

/** The delay SMS Partner states for receipts: seconds, up to 48 hours [official]. */
export const MAX_DELIVERY_DELAY_MS = 48 * 60 * 60 * 1000;

/**
 * The default delay before a recipient's outcome. Recorded traffic fixes it:
 * the message scheduled for 2018-08-18 20:00:00 (send_sms.json) was
 * `Delivered` at 1534615206, 20:00:06 Paris time (status.json).
 */
export const DEFAULT_DELIVERY_DELAY_MS = 6_000;

/** What a recipient does once its SMS arrives: nothing, a text reply, or STOP. */
export interface ReplyPlan {
  readonly text: string;
}

/** How one number's delivery goes. */
export interface DeliveryPlan {
  /** `Waiting` means no receipt ever comes. */
  readonly outcome: DeliveryStatus;
  readonly delayMs: number;
  /** A reply the recipient sends when the SMS is delivered. */
  readonly reply?: ReplyPlan | undefined;
}

/** A test number: what it does, and why it is there (the README's table is built from this list). */
export interface TestNumber extends DeliveryPlan {
  readonly number: string;
  readonly description: string;
}

const LONG_REPLY =
  'Thank you for the reminder. I will be there on Tuesday at nine, but I may be ten minutes late ' +
  'because of the roadworks on the main road; could you tell the doctor? If the time no longer suits, ' +
  'please send me another one.';

/**
 * Numbers that decide their own outcome, as Stripe's test cards do. French
 * mobiles in 06 99 00 00 0x, valid for libphonenumber, so every send rule
 * applies to them as to any other number. Any account's `deliveryRules` come first.
 */
export const TEST_NUMBERS: readonly TestNumber[] = [
  {
    number: '+33699000001',
    outcome: 'Not delivered',
    delayMs: DEFAULT_DELIVERY_DELAY_MS,
    description: 'never delivered: `Not delivered` after the delay',
  },
  {
    number: '+33699000002',
    outcome: 'Waiting',
    delayMs: DEFAULT_DELIVERY_DELAY_MS,
    description: 'stays `Waiting`: no receipt ever comes (unless an outcome is forced)',
  },
  {
    number: '+33699000003',
    outcome: 'Delivered',
    delayMs: DEFAULT_DELIVERY_DELAY_MS,
    reply: { text: 'STOP' },
    description:
      'delivered, then answers STOP at once: added to the STOP list, `type: "stop"` reply webhook (short numbers)',
  },
  {
    number: '+33699000004',
    outcome: 'Delivered',
    delayMs: DEFAULT_DELIVERY_DELAY_MS,
    reply: { text: 'Yes, see you then' },
    description: 'delivered, then replies "Yes, see you then"',
  },
  {
    number: '+33699000005',
    outcome: 'Delivered',
    delayMs: DEFAULT_DELIVERY_DELAY_MS,
    reply: { text: LONG_REPLY },
    description: `delivered, then replies with ${LONG_REPLY.length} characters (two parts on a long number)`,
  },
  {
    number: '+33699000006',
    outcome: 'Delivered',
    delayMs: MAX_DELIVERY_DELAY_MS,
    description: 'delivered after 48 hours, the longest delay the docs state',
  },
];

const BY_NUMBER = new Map(TEST_NUMBERS.map((entry) => [entry.number, entry]));
const DEFAULT_PLANS = new WeakMap<DeliverySettings, DeliveryPlan>();

/** An account's delivery settings (see the config). */
export interface DeliverySettings {
  readonly deliveryDelayMs: number;
  readonly deliveryOutcome: DeliveryStatus;
  readonly deliveryRules: readonly {
    readonly prefix: string;
    readonly status: DeliveryStatus;
    readonly delayMs?: number | undefined;
  }[];
}

/**
 * One number's plan: the account's first rule whose prefix the number starts
 * with, else the test number's, else the account's default outcome after its delay.
 */
export function deliveryPlan(e164: string, settings: DeliverySettings): DeliveryPlan {
  // Most numbers take the account's default: one plan object per account's settings.
  if (settings.deliveryRules.length === 0 && !BY_NUMBER.has(e164)) {
    let plan = DEFAULT_PLANS.get(settings);
    if (!plan) {
      plan = { outcome: settings.deliveryOutcome, delayMs: settings.deliveryDelayMs };
      DEFAULT_PLANS.set(settings, plan);
    }
    return plan;
  }
  for (const rule of settings.deliveryRules) {
    if (e164.startsWith(rule.prefix)) {
      return { outcome: rule.status, delayMs: rule.delayMs ?? settings.deliveryDelayMs };
    }
  }
  const test = BY_NUMBER.get(e164);
  if (test) {
    return {
      outcome: test.outcome,
      delayMs: test.delayMs === DEFAULT_DELIVERY_DELAY_MS ? settings.deliveryDelayMs : test.delayMs,
      reply: test.reply,
    };
  }
  return { outcome: settings.deliveryOutcome, delayMs: settings.deliveryDelayMs };
}

/** An outcome forced through the admin API, from `at` on. */
export interface ForcedOutcome {
  readonly status: DeliveryStatus;
  readonly at: number;
  /** E.164; undefined forces every recipient of the message. */
  readonly phoneNumber: string | undefined;
}

/** One change of a recipient's state. */
export interface StateChange {
  readonly state: RecipientState;
  readonly at: number;
}

/** What the timeline of one recipient needs of its message. */
export interface TimelineMessage {
  readonly createdAt: number;
  readonly sendAt: number;
  readonly scheduled: boolean;
  readonly cancelledAt: number | undefined;
  /**
   * The latest time the clock had reached before it was moved back: states
   * up to then stand (time travel never takes a delivery back).
   */
  readonly settledAt: number | undefined;
}

/**
 * Every change of one recipient's state, in order, whatever the time: the
 * schedule, the send, the natural outcome (dropped when an outcome was forced
 * before it), then the forced outcomes, each effective at the latest of its
 * time and the send time. {@link recipientAt} reads it at an instant.
 */
export function recipientTimeline(
  message: TimelineMessage,
  plan: DeliveryPlan,
  forced: readonly ForcedOutcome[],
): StateChange[] {
  const changes: StateChange[] = [];
  if (message.scheduled) changes.push({ state: 'scheduled', at: message.createdAt });
  if (message.cancelledAt !== undefined) {
    changes.push({ state: 'cancelled', at: message.cancelledAt });
    return changes;
  }
  changes.push({ state: 'Waiting', at: message.sendAt });
  // Forced outcomes in the order they take effect (a clock moved back may have forced one earlier).
  const overrides = forced
    .map((outcome) => ({ state: outcome.status, at: Math.max(outcome.at, message.sendAt) }))
    .sort((a, b) => a.at - b.at);
  const natural = message.sendAt + plan.delayMs;
  if (plan.outcome !== 'Waiting' && natural <= (overrides[0]?.at ?? Number.POSITIVE_INFINITY)) {
    changes.push({ state: plan.outcome, at: natural });
  }
  changes.push(...overrides);
  return changes;
}

/** A recipient's state at `now`, and since when. */
export function recipientAt(
  message: TimelineMessage,
  changes: readonly StateChange[],
  now: number,
): StateChange & { readonly history: readonly StateChange[] } {
  const time = message.settledAt === undefined ? now : Math.max(now, message.settledAt);
  let current: StateChange = { state: 'scheduled', at: message.createdAt };
  let count = 0;
  for (const change of changes) {
    // The first change (created: scheduled, or sent at once) holds even on a clock set before it, and a
    // cancel is for good, whatever the clock says since.
    if (change.at > time && count > 0 && change.state !== 'cancelled') break;
    current = change;
    count++;
  }
  return { ...current, history: changes.slice(0, count) };
}

/**
 * A recipient's state at `now` and since when: {@link recipientAt} of
 * {@link recipientTimeline}, without building either (no allocation when no
 * outcome was forced): what the status endpoints and the store's sweeps read.
 */
export function currentState(
  message: TimelineMessage,
  plan: DeliveryPlan,
  forced: readonly ForcedOutcome[],
  now: number,
): StateChange {
  if (forced.length > 0) {
    const { state, at } = recipientAt(message, recipientTimeline(message, plan, forced), now);
    return { state, at };
  }
  if (message.cancelledAt !== undefined) return { state: 'cancelled', at: message.cancelledAt };
  const time = message.settledAt === undefined ? now : Math.max(now, message.settledAt);
  if (message.scheduled && time < message.sendAt) return { state: 'scheduled', at: message.createdAt };
  const natural = message.sendAt + plan.delayMs;
  if (plan.outcome !== 'Waiting' && time >= natural) return { state: plan.outcome, at: natural };
  return { state: 'Waiting', at: message.sendAt };
}

/** When a recipient's timeline next changes after `now` (undefined: it never does). */
export function nextChange(
  message: TimelineMessage,
  changes: readonly StateChange[],
  now: number,
): number | undefined {
  const time = message.settledAt === undefined ? now : Math.max(now, message.settledAt);
  for (const change of changes) if (change.at > time) return change.at;
  return undefined;
}

/** The status a status endpoint answers for a state: scheduled reads `Waiting`, cancelled `Not delivered`. */
export function wireStatus(state: RecipientState): DeliveryStatus {
  if (state === 'scheduled') return 'Waiting';
  if (state === 'cancelled') return 'Not delivered';
  return state;
}

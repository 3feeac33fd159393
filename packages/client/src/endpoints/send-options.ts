import { type ScheduleFields, toScheduleFields } from '@smspartner-kit/schema';
import { SmsPartnerScheduleError } from '../errors.js';

// What the sends share: the Paris schedule fields, the 0/1 flags, the number list
// and the options of a single and a bulk send. Not re-exported by `./index.ts`,
// whose exports are the endpoint functions.

/** The options of a single send that a bulk send also takes, in friendlier types than the API's. */
export interface SendOptions {
  /** Sender name, 3 to 11 characters, no special characters. */
  readonly sender?: string;
  /** `1` Premium (the API's default), `2` Low Cost. */
  readonly gamme?: 1 | 2;
  /** Your label for the send, 20 characters at most, lowercase, no spaces. */
  readonly tag?: string;
  /**
   * When to send. A `Date`, or an ISO 8601 string with `Z` or an offset
   * (`2026-07-14T09:55:00+02:00`); a string without one is refused, since its
   * meaning would depend on the machine's time zone. Must fall on a
   * five-minute step of Paris time; see {@link scheduleFields}.
   */
  readonly scheduledAt?: Date | string;
  /** URL SMS Partner posts replies to. */
  readonly urlResponse?: string;
  /** URL SMS Partner posts delivery receipts to. */
  readonly urlDlr?: string;
  /** Adds the STOP mention (Premium). */
  readonly isStopSms?: boolean;
  /** Unicode mode (the account must be enabled for it). */
  readonly isUnicode?: boolean;
  /** Test mode: nothing is sent or charged. */
  readonly sandbox?: boolean;
}

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

/**
 * The instant of an ISO 8601 date-time with `Z` or an offset, or NaN. Stricter
 * than `Date.parse`, which reads `2026-02-30` as March 2nd and a string
 * without an offset in the machine's time zone.
 */
function parseIsoInstant(text: string): number {
  const match = ISO_WITH_OFFSET.exec(text.trim());
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millisecond = Number(`0.${match[7] ?? '0'}`) * 1000;
  const offsetMinutes =
    match[8] !== undefined ? 0 : (match[9] === '-' ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11]));
  if (hour > 23 || minute > 59 || second > 59 || Number(match[10] ?? 0) > 23 || Number(match[11] ?? 0) > 59) {
    return Number.NaN;
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return Number.NaN;
  }
  return wall + millisecond - offsetMinutes * 60_000;
}

/**
 * Converts a send time into SMS Partner's scheduling fields, Paris wall-clock
 * time, daylight saving included: `scheduledDeliveryDate` (dd/MM/yyyy),
 * `time` (hour) and `minute`. Throws {@link SmsPartnerScheduleError} for an
 * invalid date, an ISO string without an offset, a time off the five-minute
 * grid, or the second occurrence of the autumn fall-back hour.
 *
 * @example
 * ```ts
 * scheduleFields('2026-01-15T08:00:00Z');
 * //=> { scheduledDeliveryDate: '15/01/2026', time: 9, minute: 0 }
 * ```
 */
export function scheduleFields(scheduledAt: Date | string): ScheduleFields {
  let epochMs: number;
  let shown: string;
  if (typeof scheduledAt === 'string') {
    shown = scheduledAt;
    epochMs = parseIsoInstant(scheduledAt);
  } else {
    epochMs = scheduledAt instanceof Date ? scheduledAt.getTime() : Number.NaN;
    shown = Number.isNaN(epochMs) ? String(scheduledAt) : new Date(epochMs).toISOString();
  }
  const result = toScheduleFields(epochMs);
  if (!result.ok) throw new SmsPartnerScheduleError(result.problem, shown);
  return result.fields;
}

/** A boolean flag as the API takes it: 1 when true, left out otherwise. */
export const flag = (value: boolean | undefined) => (value ? 1 : undefined);

/** One number or several, as the API takes them: joined with commas. */
export const joinNumbers = (phoneNumbers: string | readonly string[]) =>
  typeof phoneNumbers === 'string' ? phoneNumbers : phoneNumbers.join(',');

/**
 * The options a single send and a bulk send share, as they travel: the
 * schedule in Paris time, flags as 1 (or left out).
 */
export function sendOptions(input: SendOptions) {
  return {
    gamme: input.gamme,
    sender: input.sender,
    tag: input.tag,
    ...optionalSchedule(input.scheduledAt),
    urlResponse: input.urlResponse,
    urlDlr: input.urlDlr,
    isStopSms: flag(input.isStopSms),
    isUnicode: flag(input.isUnicode),
    sandbox: flag(input.sandbox),
  };
}

/** The schedule fields of an optional `scheduledAt`, each undefined without one. */
export function optionalSchedule(scheduledAt: Date | string | undefined): Partial<ScheduleFields> {
  return scheduledAt === undefined ? {} : scheduleFields(scheduledAt);
}

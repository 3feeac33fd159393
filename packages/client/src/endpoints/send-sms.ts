import {
  type ScheduleFields,
  type SendSmsRequest,
  type SendSmsResponse,
  sendSmsRoute,
  toScheduleFields,
} from '@smspartner-kit/schema';
import { SmsPartnerScheduleError } from '../errors.js';
import type { SmsPartnerTransport } from '../transport.js';

/** Input of {@link sendSms}: the API's fields, in friendlier types. */
export interface SendSmsInput {
  /** One number or several (joined with commas; 500 at most). National French or international format. */
  readonly phoneNumbers: string | readonly string[];
  /** The text. A `"` must be escaped, as the API documents. */
  readonly message: string;
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

const flag = (value: boolean | undefined) => (value ? 1 : undefined);

/**
 * The options a single send and a bulk send share, as they travel: the
 * schedule in Paris time, flags as 1 (or left out).
 */
export function sendOptions(input: Omit<SendSmsInput, 'phoneNumbers' | 'message'>) {
  const schedule = input.scheduledAt === undefined ? undefined : scheduleFields(input.scheduledAt);
  return {
    gamme: input.gamme,
    sender: input.sender,
    tag: input.tag,
    scheduledDeliveryDate: schedule?.scheduledDeliveryDate,
    time: schedule?.time,
    minute: schedule?.minute,
    urlResponse: input.urlResponse,
    urlDlr: input.urlDlr,
    isStopSms: flag(input.isStopSms),
    isUnicode: flag(input.isUnicode),
    sandbox: flag(input.sandbox),
  };
}

/** The JSON body of POST /v1/send for an input, without `apiKey` (the transport adds it). */
function toBody(input: SendSmsInput) {
  const phoneNumbers =
    typeof input.phoneNumbers === 'string' ? input.phoneNumbers : input.phoneNumbers.join(',');
  return {
    phoneNumbers,
    message: input.message,
    ...sendOptions(input),
  } satisfies Omit<SendSmsRequest, 'apiKey' | '_format'>;
}

/**
 * Sends one text to one or many recipients, now or at `scheduledAt`:
 * `POST /v1/send` with a JSON body (the key travels in the body).
 *
 * Resolves with the success body (`message_id`, `nb_sms`, `cost`, `currency`).
 * Rejects with {@link SmsPartnerScheduleError} before any request when
 * `scheduledAt` cannot be scheduled, then with `SmsPartnerApiError<SendSmsCode>`
 * (e.g. 9 with `errors`, 10 invalid key, 11 no credits), `SmsPartnerNetworkError`,
 * `SmsPartnerTimeoutError` or `SmsPartnerResponseError`. Never retried.
 *
 * @example
 * ```ts
 * import { createTransport, sendSms } from '@smspartner-kit/client';
 *
 * const transport = createTransport({ apiKey: 'YOUR_API_KEY' });
 * const { message_id } = await sendSms(transport, {
 *   phoneNumbers: ['+33600000000', '0611111111'],
 *   message: 'Your appointment is confirmed for tomorrow 9:00',
 *   scheduledAt: new Date('2030-10-21T07:00:00Z'),
 * });
 * ```
 */
export async function sendSms(transport: SmsPartnerTransport, input: SendSmsInput): Promise<SendSmsResponse> {
  return transport.call(sendSmsRoute, toBody(input));
}

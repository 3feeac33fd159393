import {
  checkMarketingWindow,
  elementIdFor,
  fromScheduleFields,
  nextMarketingSlot,
  parseScheduledDate,
  type ScheduleFields,
  type ValidationIssue,
} from '@smspartner-kit/schema';

/** When a message goes out, or why it cannot: a control code, or a code-9 item. */
export type SendTime =
  | { ok: true; sendAt: number; scheduled: boolean; held: boolean }
  | { ok: false; code: 49 | 22 | 23 }
  | { ok: false; code: 9; item: ValidationIssue };

/**
 * Scheduling, as a pure function of the fields, the time and the account:
 * an impossible date → 49; a time in the past → a code-9 item; for a marketing
 * account, a scheduled time outside the commercial window → 22 (hours) or 23
 * (Sunday, holiday), and an immediate send outside it is held until the next
 * slot (the send pages say such messages are held; the error table's 22/23 are
 * kept for explicit schedules — a decision, see the README).
 */
export function decideSendTime(
  schedule: ScheduleFields | undefined,
  now: number,
  marketing: boolean,
): SendTime {
  if (!schedule) {
    if (!marketing || checkMarketingWindow(now).ok)
      return { ok: true, sendAt: now, scheduled: false, held: false };
    return { ok: true, sendAt: nextMarketingSlot(now), scheduled: true, held: true };
  }
  if (!parseScheduledDate(schedule.scheduledDeliveryDate)) return { ok: false, code: 49 };
  const at = fromScheduleFields(schedule);
  if (!at) return { ok: false, code: 49 };
  if (at.epochMs <= now) return { ok: false, code: 9, item: pastDateItem(schedule) };
  if (marketing) {
    const window = checkMarketingWindow(at.epochMs);
    if (!window.ok) return { ok: false, code: window.code };
  }
  return { ok: true, sendAt: at.epochMs, scheduled: true, held: false };
}

/** The scheduling fields of a parsed request, when all three are there. */
export function scheduleOf(request: {
  scheduledDeliveryDate?: string | undefined;
  time?: number | undefined;
  minute?: number | undefined;
}): ScheduleFields | undefined {
  const { scheduledDeliveryDate, time, minute } = request;
  return scheduledDeliveryDate !== undefined && time !== undefined && minute !== undefined
    ? { scheduledDeliveryDate, time, minute }
    : undefined;
}

/**
 * The code-9 item of a schedule in the past, worded as the send page shows
 * it: "The date (21/11/2014 at 9:05) …", and "at :" where the hour and the
 * minute were not given.
 */
function pastDateItem(schedule: {
  scheduledDeliveryDate: string;
  time?: number | undefined;
  minute?: number | undefined;
}): ValidationIssue {
  const time = schedule.time === undefined ? '' : String(schedule.time);
  const minute = schedule.minute === undefined ? '' : String(schedule.minute).padStart(2, '0');
  return {
    elementId: elementIdFor('scheduledDeliveryDate'),
    message: `The date (${schedule.scheduledDeliveryDate} at ${time}:${minute}) is earlier than the current date.`,
  };
}

/**
 * A scheduled date in the past when the hour or the minute is missing (a
 * code-9 answer in the making): the API still reports it, next to "The time
 * is required" (recorded `send_sms_error.json`). A missing hour or minute
 * counts as 0, so a date before today is always past and today is past too
 * (a decision: the docs do not say how a date without a time compares).
 */
export function pastIncompleteSchedule(
  scheduledDeliveryDate: string,
  time: number | undefined,
  minute: number | undefined,
  now: number,
): ValidationIssue | undefined {
  const at = fromScheduleFields({ scheduledDeliveryDate, time: time ?? 0, minute: minute ?? 0 });
  if (!at || at.epochMs > now) return undefined;
  return pastDateItem({ scheduledDeliveryDate, time, minute });
}

/**
 * SMS Partner reads `scheduledDeliveryDate` (`dd/MM/yyyy`), `time` (hour) and
 * `minute` as a wall-clock time in Europe/Paris. These pure functions convert
 * between that triple and an instant, DST included; they use only `Intl`, so
 * they run the same in Node and in browsers.
 *
 * Wall times that do not exist (the spring-forward gap, e.g. 02:30 on the last
 * Sunday of March) are moved forward by the length of the gap (02:30 → 03:30
 * CEST), and wall times that occur twice (the autumn fall-back hour) mean their
 * first occurrence (CEST). This is the "compatible" rule of RFC 5545 and
 * Temporal, and what a PHP back end does with such a time.
 */

export const PARIS_TIME_ZONE = 'Europe/Paris';

/** A wall-clock time in Europe/Paris. `month` is 1–12. */
export interface ParisWallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

let formatter: Intl.DateTimeFormat | undefined;

function parisFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: PARIS_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return formatter;
}

/** The Paris wall-clock time of an instant (milliseconds since the epoch). */
export function toParisWallTime(epochMs: number): ParisWallTime {
  const parts: Record<string, number> = {};
  for (const part of parisFormatter().formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    hour: parts.hour as number,
    minute: parts.minute as number,
    second: parts.second as number,
  };
}

function wallAsUtc(wall: Omit<ParisWallTime, 'second'> & { second?: number }): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
}

/** Paris's offset from UTC at an instant, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
export function parisOffsetMs(epochMs: number): number {
  const flooredMs = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtc(toParisWallTime(flooredMs)) - flooredMs;
}

/**
 * The instant of a Paris wall-clock time, with the disambiguation described
 * at the top of this file. `shiftedMs` tells by how much a wall time in the
 * spring-forward gap was moved forward (0 otherwise).
 */
export function fromParisWallTime(wall: Omit<ParisWallTime, 'second'> & { second?: number }): {
  epochMs: number;
  shiftedMs: number;
} {
  const asUtc = wallAsUtc(wall);
  const day = 24 * 3_600_000;
  const offsets = [...new Set([parisOffsetMs(asUtc - day), parisOffsetMs(asUtc + day)])].sort(
    (a, b) => b - a,
  );
  // Largest offset first: where the wall time exists twice, that is the earlier instant.
  for (const offset of offsets) {
    const candidate = asUtc - offset;
    if (parisOffsetMs(candidate) === offset) return { epochMs: candidate, shiftedMs: 0 };
  }
  // In the gap: read the wall time with the offset in force before the jump.
  const before = Math.min(...offsets);
  const epochMs = asUtc - before;
  const after = wallAsUtc(toParisWallTime(epochMs));
  return { epochMs, shiftedMs: after - asUtc };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The API's scheduling fields. */
export interface ScheduleFields {
  /** `dd/MM/yyyy` */
  scheduledDeliveryDate: string;
  /** Hour, 0–24. */
  time: number;
  /** Minute, 0–55 in steps of 5. */
  minute: number;
}

/** Why an instant cannot be expressed in the API's scheduling fields. */
export type ScheduleProblem =
  | { kind: 'invalid-date' }
  | { kind: 'not-on-five-minute-step'; wall: ParisWallTime }
  | { kind: 'ambiguous'; wall: ParisWallTime };

/**
 * Converts an instant into `scheduledDeliveryDate`/`time`/`minute` (Paris time).
 * The instant must fall on a whole five-minute step (seconds and milliseconds
 * zero), and must be the one instant the API will read back from those fields:
 * the second occurrence of the autumn fall-back hour cannot be written.
 */
export function toScheduleFields(
  epochMs: number,
): { ok: true; fields: ScheduleFields } | { ok: false; problem: ScheduleProblem } {
  if (!Number.isFinite(epochMs)) return { ok: false, problem: { kind: 'invalid-date' } };
  const wall = toParisWallTime(epochMs);
  if (wall.minute % 5 !== 0 || wall.second !== 0 || epochMs % 1000 !== 0) {
    return { ok: false, problem: { kind: 'not-on-five-minute-step', wall } };
  }
  if (fromParisWallTime(wall).epochMs !== epochMs) return { ok: false, problem: { kind: 'ambiguous', wall } };
  return {
    ok: true,
    fields: {
      scheduledDeliveryDate: `${pad(wall.day)}/${pad(wall.month)}/${pad(wall.year, 4)}`,
      time: wall.hour,
      minute: wall.minute,
    },
  };
}

/** Parses `dd/MM/yyyy` into a calendar date, or undefined when it is not one. */
export function parseScheduledDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/**
 * Reads the API's scheduling fields back into an instant. Hour 24 is accepted
 * with minute 0 only and means midnight at the end of that day.
 */
export function fromScheduleFields(
  fields: ScheduleFields,
): { epochMs: number; shiftedMs: number } | undefined {
  const date = parseScheduledDate(fields.scheduledDeliveryDate);
  if (!date) return undefined;
  if (fields.time === 24) {
    if (fields.minute !== 0) return undefined;
    const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
    return fromParisWallTime({
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
      minute: 0,
    });
  }
  return fromParisWallTime({ ...date, hour: fields.time, minute: fields.minute });
}

/** `yyyy-MM-dd HH:mm:ss` in Paris time: how the send response echoes a scheduled date. */
export function formatParisDateTime(epochMs: number): string {
  const w = toParisWallTime(epochMs);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/**
 * ISO 8601 with Paris's offset, to the second (`2020-10-02T16:40:05+02:00`):
 * how the contact and group answers write `createdAt`.
 */
export function formatParisIsoDateTime(epochMs: number): string {
  const w = toParisWallTime(epochMs);
  const offsetMinutes = Math.round(parisOffsetMs(epochMs) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offset}`;
}

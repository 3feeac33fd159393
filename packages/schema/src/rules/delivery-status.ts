import { formatParisDateTime, fromParisWallTime } from './paris-time.js';

/**
 * The delivery statuses the status endpoints answer [official][recorded]:
 * capitalised, with a space in `Not delivered`. The Error Codes page's
 * lowercase `delivered`/`not delivered`/`waiting`/`ko` never appear in an
 * example or a recording (error-codes.md §4).
 */
export const DELIVERY_STATUSES = ['Delivered', 'Not delivered', 'Waiting'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Whether a value is one of {@link DELIVERY_STATUSES}. */
export function isDeliveryStatus(value: unknown): value is DeliveryStatus {
  return (DELIVERY_STATUSES as readonly unknown[]).includes(value);
}

/**
 * The `status` of a multi-status item whose (messageId, phoneNumber) pair is
 * unknown, with `code: 4`: English on the official page, French
 * (`Numéro introuvable`) in recorded traffic.
 */
export const NUMBER_NOT_FOUND = 'Number not found';
export const NUMBER_NOT_FOUND_FR = 'Numéro introuvable';

/**
 * `date` as the status endpoints write it: unix seconds as a string
 * (`"1534615206"`), as in every recording and in the official list samples.
 * The official single-status sample shows `"2015-02-07 22:39:46"` instead;
 * {@link parseStatusDate} reads both.
 */
export function formatStatusDate(epochMs: number): string {
  return String(Math.floor(epochMs / 1000));
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Reads a status `date` in either of its documented forms: unix seconds (a
 * string of digits, or a number) or `yyyy-MM-dd HH:mm:ss`, read as Paris
 * time (the platform's time zone, as every other wall time of the API).
 * Undefined for anything else.
 *
 * @example
 * parseStatusDate('1534615206'); // 1534615206000
 * parseStatusDate('2018-08-18 20:00:06'); // 1534615206000 (Paris, summer time)
 */
export function parseStatusDate(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d{1,12}$/.test(text)) return Number(text) * 1000;
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const { epochMs } = fromParisWallTime({ year, month, day, hour, minute });
  // The day must exist (no 31 February): the wall time read back is the one given.
  if (formatParisDateTime(epochMs).slice(0, 10) !== text.slice(0, 10)) return undefined;
  return epochMs + second * 1000;
}

/**
 * A status flag (`stopSms`, `stopSMS`, `isSpam`) as a boolean, whichever way
 * it travelled: a boolean in single status and bulk status, `"0"`/`"1"` in
 * multi-status [official][recorded].
 */
export function readStatusFlag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

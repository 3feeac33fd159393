import { fromParisWallTime, toParisWallTime } from './paris-time.js';

/**
 * The commercial-SMS window [official send pages]: no marketing SMS between
 * 8 PM and 8 AM on weekdays, nor on Sundays and French public holidays (Paris
 * time). Code 22 is the hour rule, code 23 the day rule [official Error Codes].
 */
export const MARKETING_WINDOW = { startHour: 8, endHour: 20 } as const;

/** Easter Sunday (Gregorian, anonymous algorithm), as a UTC calendar date. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const key = (month: number, day: number) => month * 100 + day;

/** French public holidays of a year (metropolitan list), as `month*100+day` keys with their names. */
export function frenchHolidays(year: number): Map<number, string> {
  const easter = easterSunday(year);
  const offset = (days: number) => {
    const date = new Date(Date.UTC(year, easter.month - 1, easter.day + days));
    return key(date.getUTCMonth() + 1, date.getUTCDate());
  };
  return new Map([
    [key(1, 1), "New Year's Day"],
    [offset(1), 'Easter Monday'],
    [key(5, 1), 'Labour Day'],
    [key(5, 8), 'Victory in Europe Day'],
    [offset(39), 'Ascension Day'],
    [offset(50), 'Whit Monday'],
    [key(7, 14), 'Bastille Day'],
    [key(8, 15), 'Assumption of Mary'],
    [key(11, 1), "All Saints' Day"],
    [key(11, 11), 'Armistice Day'],
    [key(12, 25), 'Christmas Day'],
  ]);
}

export type MarketingCheck = { ok: true } | { ok: false; code: 22 | 23; reason: string };

/** Whether a marketing SMS may go out at an instant. */
export function checkMarketingWindow(epochMs: number): MarketingCheck {
  const wall = toParisWallTime(epochMs);
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  const holiday = frenchHolidays(wall.year).get(key(wall.month, wall.day));
  if (weekday === 0) return { ok: false, code: 23, reason: 'Sunday' };
  if (holiday) return { ok: false, code: 23, reason: holiday };
  if (wall.hour < MARKETING_WINDOW.startHour || wall.hour >= MARKETING_WINDOW.endHour) {
    return {
      ok: false,
      code: 22,
      reason: `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')} is outside 08:00–20:00`,
    };
  }
  return { ok: true };
}

/**
 * The next instant a held marketing SMS goes out: the instant itself when it
 * is inside the window, else 8 AM Paris on the next day that is neither a
 * Sunday nor a public holiday (the official pages: "held and sent on the next
 * working day at 8 AM"; a Saturday morning counts as working, as the rule only
 * names Sundays and holidays).
 */
export function nextMarketingSlot(epochMs: number): number {
  if (checkMarketingWindow(epochMs).ok) return epochMs;
  const wall = toParisWallTime(epochMs);
  for (let dayOffset = 0; dayOffset < 14; dayOffset++) {
    const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + dayOffset));
    const candidate = fromParisWallTime({
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: MARKETING_WINDOW.startHour,
      minute: 0,
    }).epochMs;
    if (candidate > epochMs && checkMarketingWindow(candidate).ok) return candidate;
  }
  return epochMs;
}

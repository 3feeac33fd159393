import { describe, expect, test } from 'vitest';
import { formatParisDateTime, fromScheduleFields, parisOffsetMs, toScheduleFields } from '../src/index.ts';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('toScheduleFields', () => {
  test.each([
    [
      'winter (CET, UTC+1)',
      '2026-01-15T08:00:00Z',
      { scheduledDeliveryDate: '15/01/2026', time: 9, minute: 0 },
    ],
    [
      'summer (CEST, UTC+2)',
      '2026-07-14T07:55:00Z',
      { scheduledDeliveryDate: '14/07/2026', time: 9, minute: 55 },
    ],
    [
      'UTC evening that is already tomorrow in Paris',
      '2026-12-31T23:30:00Z',
      { scheduledDeliveryDate: '01/01/2027', time: 0, minute: 30 },
    ],
    [
      'just before spring forward',
      '2026-03-29T00:55:00Z',
      { scheduledDeliveryDate: '29/03/2026', time: 1, minute: 55 },
    ],
    [
      'just after spring forward',
      '2026-03-29T01:00:00Z',
      { scheduledDeliveryDate: '29/03/2026', time: 3, minute: 0 },
    ],
    [
      'first 02:30 of the fall-back night (CEST)',
      '2026-10-25T00:30:00Z',
      { scheduledDeliveryDate: '25/10/2026', time: 2, minute: 30 },
    ],
  ])('%s: %s', (_label, iso, fields) => {
    expect(toScheduleFields(at(iso))).toEqual({ ok: true, fields });
  });

  test.each([
    ['a minute off the five-minute step', '2026-01-15T08:03:00Z', 'not-on-five-minute-step'],
    ['seconds', '2026-01-15T08:05:30Z', 'not-on-five-minute-step'],
    ['milliseconds', '2026-01-15T08:05:00.001Z', 'not-on-five-minute-step'],
    [
      'the second 02:30 of the fall-back night (CET), which the API would read as the first',
      '2026-10-25T01:30:00Z',
      'ambiguous',
    ],
  ])('rejects %s', (_label, iso, kind) => {
    const result = toScheduleFields(at(iso));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.kind).toBe(kind);
  });

  test('rejects an invalid date', () => {
    expect(toScheduleFields(Number.NaN)).toEqual({ ok: false, problem: { kind: 'invalid-date' } });
  });
});

describe('fromScheduleFields', () => {
  test.each([
    ['winter', { scheduledDeliveryDate: '15/01/2026', time: 9, minute: 0 }, '2026-01-15T08:00:00Z', 0],
    ['summer', { scheduledDeliveryDate: '14/07/2026', time: 9, minute: 55 }, '2026-07-14T07:55:00Z', 0],
    [
      'spring-forward gap: 02:30 is moved forward to 03:30 CEST',
      { scheduledDeliveryDate: '29/03/2026', time: 2, minute: 30 },
      '2026-03-29T01:30:00Z',
      HOUR,
    ],
    [
      'spring-forward: 02:00 does not exist either',
      { scheduledDeliveryDate: '29/03/2026', time: 2, minute: 0 },
      '2026-03-29T01:00:00Z',
      HOUR,
    ],
    [
      'fall-back overlap: 02:30 is its first occurrence (CEST)',
      { scheduledDeliveryDate: '25/10/2026', time: 2, minute: 30 },
      '2026-10-25T00:30:00Z',
      0,
    ],
    [
      'hour 24 is midnight at the end of the day',
      { scheduledDeliveryDate: '31/12/2026', time: 24, minute: 0 },
      '2026-12-31T23:00:00Z',
      0,
    ],
  ])('%s', (_label, fields, iso, shiftedMs) => {
    expect(fromScheduleFields(fields)).toEqual({ epochMs: at(iso), shiftedMs });
  });

  test.each([
    ['31/02/2026', 9, 0],
    ['2026-01-15', 9, 0],
    ['15/13/2026', 9, 0],
    ['15/01/2026', 24, 5],
  ])('refuses %s %i:%i', (scheduledDeliveryDate, time, minute) => {
    expect(fromScheduleFields({ scheduledDeliveryDate, time, minute })).toBeUndefined();
  });

  test('round-trips every five-minute step across both DST changes of 2026', () => {
    for (const start of [at('2026-03-28T20:00:00Z'), at('2026-10-24T20:00:00Z')]) {
      for (let t = start; t < start + 12 * HOUR; t += 5 * 60_000) {
        const result = toScheduleFields(t);
        if (!result.ok) {
          expect(result.problem.kind).toBe('ambiguous');
          continue;
        }
        expect(fromScheduleFields(result.fields)).toEqual({ epochMs: t, shiftedMs: 0 });
      }
    }
  });
});

describe('Paris offset and echo format', () => {
  test.each([
    ['2026-01-15T12:00:00Z', HOUR],
    ['2026-07-15T12:00:00Z', 2 * HOUR],
    ['2026-03-29T00:59:59Z', HOUR],
    ['2026-03-29T01:00:00Z', 2 * HOUR],
    ['2026-10-25T00:59:59Z', 2 * HOUR],
    ['2026-10-25T01:00:00Z', HOUR],
  ])('offset at %s', (iso, offset) => {
    expect(parisOffsetMs(at(iso))).toBe(offset);
  });

  test('formats as the send response echoes it', () => {
    expect(formatParisDateTime(at('2018-08-18T18:00:00Z'))).toBe('2018-08-18 20:00:00');
  });
});

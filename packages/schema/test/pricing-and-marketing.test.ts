import { describe, expect, test } from 'vitest';
import {
  checkMarketingWindow,
  DEFAULT_PRICE_TABLE,
  easterSunday,
  estimateSend,
  formatAmount,
  frenchHolidays,
  MAX_AMOUNT_MICROS,
  nextMarketingSlot,
  parseAmount,
} from '../src/index.ts';

describe('money', () => {
  test.each([
    ['0.038', 38_000],
    ['0.023', 23_000],
    ['10225.119', 10_225_119_000],
    ['12', 12_000_000],
    ['0.000001', 1],
    ['1000000000', 1_000_000_000_000_000],
    ['999999999.999999', 999_999_999_999_999],
  ])('parseAmount(%s) = %i micro-euros', (text, micros) => {
    expect(parseAmount(text)).toBe(micros);
  });

  test.each([
    '',
    '-1',
    '1.2345678',
    '1,5',
    'abc',
    '1e3',
    '1000000000.000001',
    '9007199254.740991',
    '99999999999',
  ])(
    'parseAmount refuses %j (malformed, over six decimals, or over 1,000,000,000 EUR, where doubles stop being exact sums)',
    (text) => {
      expect(parseAmount(text)).toBeUndefined();
    },
  );

  test('every amount parseAmount accepts, and any sum of two, is an exact integer number of micro-euros', () => {
    expect(Number.isSafeInteger(MAX_AMOUNT_MICROS * 2)).toBe(true);
  });

  test.each([
    [38_000, 3, '0.038'],
    [10_225_119_000, 3, '10225.119'],
    [1_500, 3, '0.002'],
    [1_499, 3, '0.001'],
    [0, 3, '0.000'],
    [38_000, 6, '0.038000'],
  ])('formatAmount(%i, %i) = %s', (micros, decimals, text) => {
    expect(formatAmount(micros, decimals)).toBe(text);
  });

  test('10,000 sends of 0.038 EUR add up to exactly 380 EUR (no float drift)', () => {
    let total = 0;
    for (let i = 0; i < 10_000; i++)
      total += estimateSend({ message: 'x', phoneNumbers: '0612345678' }).costMicros;
    expect(formatAmount(total, 3)).toBe('380.000');
    let float = 0;
    for (let i = 0; i < 10_000; i++) float += 0.038;
    expect(float).not.toBe(380);
  });
});

describe('estimateSend', () => {
  test('Premium to France: parts × recipients × 0.038', () => {
    const estimate = estimateSend({ message: 'a'.repeat(161), phoneNumbers: ['0612345678', '+33698765432'] });
    expect(estimate).toMatchObject({ range: 'premium', nbSms: 4, costMicros: 152_000, problems: [] });
    expect(estimate.message).toMatchObject({ encoding: 'gsm', parts: 2 });
    expect(estimate.recipients.map((recipient) => recipient.country)).toEqual(['FR', 'FR']);
  });

  test('Low Cost to France: 0.023', () => {
    expect(estimateSend({ message: 'x', phoneNumbers: '0612345678', gamme: 2 })).toMatchObject({
      range: 'lowCost',
      costMicros: 23_000,
    });
  });

  test('Premium to Morocco: 0.04, the recorded status cost; Low Cost there is not priced', () => {
    expect(estimateSend({ message: 'x', phoneNumbers: '+212620123456' })).toMatchObject({
      range: 'premium',
      costMicros: 40_000,
      problems: [],
    });
    expect(
      estimateSend({ message: 'x', phoneNumbers: '+212620123456', gamme: 2 }).problems.map((p) => p.code),
    ).toEqual([13]);
  });

  test.each([
    [
      'Low Cost over 160 characters',
      { message: 'a'.repeat(161), phoneNumbers: '0612345678', gamme: 2 as const },
      42,
    ],
    ['11 parts', { message: 'a'.repeat(1531), phoneNumbers: '0612345678' }, 52],
    ['no number', { message: 'x', phoneNumbers: ' , ' }, 55],
    ['501 numbers', { message: 'x', phoneNumbers: Array(501).fill('0612345678') }, 50],
    ['an invalid number', { message: 'x', phoneNumbers: '922264' }, 9],
    ['a destination without a price (US)', { message: 'x', phoneNumbers: '+12025550123' }, 13],
    ['Low Cost outside France', { message: 'x', phoneNumbers: '+4915112345678', gamme: 2 as const }, 13],
  ])('%s → code %i', (_label, input, code) => {
    expect(estimateSend(input).problems.map((problem) => problem.code)).toContain(code);
  });

  test('160 characters fit Low Cost, 161 do not', () => {
    expect(estimateSend({ message: 'a'.repeat(160), phoneNumbers: '0612345678', gamme: 2 }).problems).toEqual(
      [],
    );
  });

  test('the STOP mention counts on Premium and is ignored on Low Cost', () => {
    expect(
      estimateSend({ message: 'a'.repeat(150), phoneNumbers: '0612345678', isStopSms: true }).message.parts,
    ).toBe(2);
    expect(
      estimateSend({ message: 'a'.repeat(150), phoneNumbers: '0612345678', isStopSms: true, gamme: 2 })
        .message.parts,
    ).toBe(1);
  });

  test('a custom price table', () => {
    const prices = { ...DEFAULT_PRICE_TABLE, US: { premium: '0.0712' } };
    expect(estimateSend({ message: 'x', phoneNumbers: '+12025550123' }, { prices })).toMatchObject({
      costMicros: 71_200,
      problems: [],
    });
  });
});

describe('the marketing window (Paris time)', () => {
  test.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2030, 4, 21],
    [2038, 4, 25],
  ])('Easter %i is %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });

  test('the 2026 holidays, Easter-based ones included', () => {
    expect([...frenchHolidays(2026).keys()].sort((a, b) => a - b)).toEqual([
      101, 406, 501, 508, 514, 525, 714, 815, 1101, 1111, 1225,
    ]);
  });

  test.each([
    ['Tuesday 07:59', '2030-01-15T06:59:00Z', { ok: false, code: 22 }],
    ['Tuesday 08:00', '2030-01-15T07:00:00Z', { ok: true }],
    ['Tuesday 19:59', '2030-01-15T18:59:00Z', { ok: true }],
    ['Tuesday 20:00', '2030-01-15T19:00:00Z', { ok: false, code: 22 }],
    ['Tuesday 19:59 in summer (CEST)', '2030-07-16T17:59:00Z', { ok: true }],
    ['Tuesday 20:00 in summer (CEST)', '2030-07-16T18:00:00Z', { ok: false, code: 22 }],
    ['Saturday 10:00', '2030-01-19T09:00:00Z', { ok: true }],
    ['Sunday 10:00', '2030-01-20T09:00:00Z', { ok: false, code: 23 }],
    ['Easter Monday 2030 (22 April) 10:00', '2030-04-22T08:00:00Z', { ok: false, code: 23 }],
    ['Ascension 2030 (30 May) 10:00', '2030-05-30T08:00:00Z', { ok: false, code: 23 }],
    ['Bastille Day 10:00', '2030-07-14T08:00:00Z', { ok: false, code: 23 }],
  ])('%s', (_label, iso, expected) => {
    expect(checkMarketingWindow(Date.parse(iso))).toMatchObject(expected);
  });

  test.each([
    ['inside the window: now', '2030-01-15T09:00:00Z', '2030-01-15T09:00:00.000Z'],
    ['Tuesday 20:00 → Wednesday 08:00', '2030-01-15T19:00:00Z', '2030-01-16T07:00:00.000Z'],
    ['Tuesday 06:00 → the same day 08:00', '2030-01-15T05:00:00Z', '2030-01-15T07:00:00.000Z'],
    ['Saturday 21:00 → Monday 08:00 (Sunday skipped)', '2030-01-19T20:00:00Z', '2030-01-21T07:00:00.000Z'],
    ['Sunday before Easter Monday → Tuesday 08:00', '2030-04-21T10:00:00Z', '2030-04-23T06:00:00.000Z'],
  ])('nextMarketingSlot: %s', (_label, iso, next) => {
    expect(new Date(nextMarketingSlot(Date.parse(iso))).toISOString()).toBe(next);
  });
});

import { describe, expect, test } from 'vitest';
import {
  DEFAULT_DELIVERY_DELAY_MS,
  type DeliverySettings,
  deliveryPlan,
  isStopText,
  keywordOf,
  namedPeriod,
  parisDay,
  recipientAt,
  recipientTimeline,
  replyParts,
  TEST_NUMBERS,
  wireStatus,
} from '../../src/index.ts';

const settings: DeliverySettings = {
  deliveryDelayMs: 6_000,
  deliveryOutcome: 'Delivered',
  deliveryRules: [],
};
const T = 1_000_000;
const message = (extra: Partial<Parameters<typeof recipientTimeline>[0]> = {}) => ({
  createdAt: T,
  sendAt: T + 60_000,
  scheduled: true,
  cancelledAt: undefined,
  settledAt: undefined,
  ...extra,
});

describe('deliveryPlan: rules, then test numbers, then the account default', () => {
  test.each([
    ['+33600000000', settings, { outcome: 'Delivered', delayMs: 6_000 }],
    ['+33699000001', settings, { outcome: 'Not delivered', delayMs: 6_000 }],
    ['+33699000002', settings, { outcome: 'Waiting', delayMs: 6_000 }],
    ['+33699000003', settings, { outcome: 'Delivered', delayMs: 6_000, reply: { text: 'STOP' } }],
    ['+33699000006', settings, { outcome: 'Delivered', delayMs: 48 * 3_600_000 }],
    ['+33699000001', { ...settings, deliveryDelayMs: 1_000 }, { outcome: 'Not delivered', delayMs: 1_000 }],
    [
      '+33699000001',
      { ...settings, deliveryRules: [{ prefix: '+336', status: 'Delivered' as const }] },
      { outcome: 'Delivered', delayMs: 6_000 },
    ],
    [
      '+33612345678',
      { ...settings, deliveryOutcome: 'Waiting' as const },
      { outcome: 'Waiting', delayMs: 6_000 },
    ],
  ])('%s', (number, given, expected) => {
    expect(deliveryPlan(number, given)).toMatchObject(expected);
  });

  test('the six test numbers are documented, distinct, and the default delay is the recorded 6 s', () => {
    expect(new Set(TEST_NUMBERS.map((entry) => entry.number)).size).toBe(6);
    expect(TEST_NUMBERS.every((entry) => entry.description.length > 10)).toBe(true);
    expect(DEFAULT_DELIVERY_DELAY_MS).toBe(6_000);
  });
});

describe('a recipient at a time', () => {
  const plan = deliveryPlan('+33600000000', settings);
  test.each([
    [T - 1, 'scheduled'], // a clock set before the creation: still as created
    [T, 'scheduled'],
    [T + 59_999, 'scheduled'],
    [T + 60_000, 'Waiting'],
    [T + 65_999, 'Waiting'],
    [T + 66_000, 'Delivered'],
  ])('at %i: %s', (now, state) => {
    expect(recipientAt(message(), recipientTimeline(message(), plan, []), now).state).toBe(state);
  });

  test('settledAt keeps what the clock had reached before it went back', () => {
    const settled = message({ settledAt: T + 70_000 });
    expect(recipientAt(settled, recipientTimeline(settled, plan, []), T).state).toBe('Delivered');
  });

  test('cancelled is for good; an outcome forced before the natural one replaces it', () => {
    const cancelled = message({ cancelledAt: T + 1_000 });
    expect(recipientAt(cancelled, recipientTimeline(cancelled, plan, []), T + 1_000_000)).toMatchObject({
      state: 'cancelled',
      at: T + 1_000,
    });
    const forced = recipientTimeline(message(), plan, [
      { status: 'Not delivered', at: T, phoneNumber: undefined },
    ]);
    expect(forced.map((change) => change.state)).toEqual(['scheduled', 'Waiting', 'Not delivered']);
    // Effective from the send time at the earliest.
    expect(forced.at(-1)?.at).toBe(T + 60_000);
  });

  test.each([
    ['scheduled', 'Waiting'],
    ['cancelled', 'Not delivered'],
    ['Delivered', 'Delivered'],
  ] as const)('%s reads %s on the wire', (state, wire) => {
    expect(wireStatus(state)).toBe(wire);
  });
});

describe('replies', () => {
  test.each([
    ['STOP', true],
    [' stop please', true],
    ['Stop', true],
    ['stopped', false],
    ['Yes, stop', false],
  ])('%j is a STOP: %s', (text, stop) => {
    expect(isStopText(text)).toBe(stop);
  });

  test('keyword: the first word, uppercased', () => {
    expect(keywordOf('  long message')).toBe('LONG');
  });

  test.each([
    ['a'.repeat(160), [160]],
    ['a'.repeat(161), [153, 8]],
    ['€'.repeat(80), [80]], // 160 septets
    [`${'a'.repeat(152)}€${'a'.repeat(10)}`, [152, 11]], // € (two septets) never straddles two parts
    ['é'.repeat(70), [70]],
    ['ж'.repeat(71), [67, 4]],
  ] as [string, number[]][])('parts of %#', (text, lengths) => {
    expect(replyParts(text).map((part) => [...part].length)).toEqual(lengths);
  });
});

describe('statistics periods, Paris time', () => {
  const now = Date.parse('2030-03-10T10:00:00Z');
  test('last month and the last twelve months stop at the current month', () => {
    expect(namedPeriod('last_month', now)).toEqual({
      from: Date.parse('2030-02-01T00:00:00+01:00'),
      to: Date.parse('2030-03-01T00:00:00+01:00'),
    });
    expect(namedPeriod('last_twelve_months', now).from).toBe(Date.parse('2029-03-01T00:00:00+01:00'));
  });
  test.each([
    ['01-07-2030', Date.parse('2030-07-01T00:00:00+02:00')],
    ['31-02-2030', undefined],
    ['2030-07-01', undefined],
  ])('%s', (text, expected) => {
    expect(parisDay(text)).toBe(expected);
  });
});

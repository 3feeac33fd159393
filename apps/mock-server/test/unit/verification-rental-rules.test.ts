import { checkTargeting, type RentalTarget } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { accountConfig } from '../../src/core/config.ts';
import { checkForwardingParam, decideForwarding, FORWARDING_OFF } from '../../src/rules/call-forwarding.ts';
import { hlrDate, hlrNumbers, hlrOutcome, hlrTestNumber } from '../../src/rules/hlr.ts';
import { describeRichContent, reachesRcs } from '../../src/rules/rcs.ts';
import { availableRows, rentalStatusAt, wantedRows, withTotal } from '../../src/rules/rental.ts';
import { Account } from '../../src/state/accounts.ts';
import { RATE_WINDOW_MS, RateLimits } from '../../src/state/rate-limits.ts';
import { StopIds, StopList } from '../../src/state/stop-list.ts';

const account = () => {
  const { apiKey, credits: _c, balance: _b, ...settings } = accountConfig.parse({ apiKey: 'k' });
  return new Account(apiKey, settings, new StopList(new StopIds(100)), 0, 38_000);
};

describe('RateLimits: a sliding minute per account and endpoint', () => {
  test('counts up to the limit, refuses after, and frees a slot when the oldest request is a minute old', () => {
    const limits = new RateLimits();
    const owner = account();
    expect(limits.take(owner, 'e', 2, 0)).toEqual({ ok: true });
    expect(limits.take(owner, 'e', 2, 10_000)).toEqual({ ok: true });
    expect(limits.take(owner, 'e', 2, 20_000)).toEqual({ ok: false, retryAfterMs: 40_000 });
    expect(limits.take(owner, 'e', 2, RATE_WINDOW_MS - 1)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(limits.take(owner, 'e', 2, RATE_WINDOW_MS)).toEqual({ ok: true });
    expect(limits.view(owner, 'e', 2, RATE_WINDOW_MS)).toEqual({
      limit: 2,
      used: 2,
      remaining: 0,
      freesAt: new Date(10_000 + RATE_WINDOW_MS).toISOString(),
    });
  });

  test('a frozen clock keeps one entry for any number of requests; a clock moved back forgets the future', () => {
    const limits = new RateLimits();
    const owner = account();
    for (let i = 0; i < 1000; i++) limits.take(owner, 'e', 5000, 1_000);
    expect(limits.view(owner, 'e', 5000, 1_000).used).toBe(1000);
    expect(limits.view(owner, 'e', 5000, 999).used).toBe(0);
  });

  test('fill, setLimit and their undo; accounts and endpoints apart', () => {
    const limits = new RateLimits();
    const [one, two] = [account(), account()];
    limits.fill(one, 'e', 360, 0);
    expect(limits.take(one, 'e', 360, 0)).toMatchObject({ ok: false });
    expect(limits.take(one, 'other', 360, 0)).toEqual({ ok: true });
    expect(limits.take(two, 'e', 360, 0)).toEqual({ ok: true });
    limits.setLimit(one, 'e', 400);
    expect(limits.take(one, 'e', 360, 0)).toEqual({ ok: true });
    limits.setLimit(one, 'e', undefined);
    expect(limits.view(one, 'e', 360, 0)).toMatchObject({ limit: 360, used: 361 });
    limits.fill(one, 'e', 0, 0);
    expect(limits.view(one, 'e', 360, 0)).toMatchObject({ used: 0, freesAt: null });
  });
});

describe('HLR test numbers', () => {
  test.each([
    ['+33612345678', 0, 'NO_ERROR', 0],
    ['+33600000000', 0, 'NO_ERROR', 0],
    ['+33600000001', 1, 'EC_UNKNOWN_SUBSCRIBER', 0],
    ['+33600004104', 2, 'EC_DESTINATION_TXT_FLOODING', 0],
    ['+33600002050', 3, 'EC_DEST_ADDRESS_BLACKLISTED', 0],
    ['+33600000003', 0, 'NO_ERROR', 0],
    ['+33600029999', 0, 'NO_ERROR', 1],
  ])('%s → group %i %s, ported %i', (number, groupId, name, ported) => {
    const { error, ported: isPorted } = hlrOutcome(number);
    expect([error.groupId, error.name, isPorted]).toEqual([groupId, name, ported]);
  });

  test('each error id has its test number, and back', () => {
    expect(hlrTestNumber(27)).toBe('+33600000027');
    expect(hlrOutcome(hlrTestNumber(1158)).error.name).toBe('EC_NNR_NETWORKCONGESTION');
  });

  test('only international numbers as written are looked up; the date is written as the sample writes it', () => {
    expect(hlrNumbers(['+33612345678', '0612345678', ' +33698765432', '+1 202 555 0123', '+3361'])).toEqual([
      { e164: '+33612345678', country: 'FR' },
      { e164: '+12025550123', country: 'US' },
    ]);
    expect(hlrDate(Date.UTC(2018, 2, 5, 10, 34, 52, 355))).toBe('2018-03-05T10:34:52.355+0000');
  });
});

describe('call forwarding rules', () => {
  test.each([
    [0, undefined, { ok: true, param: '' }],
    [0, 'anything', { ok: true, param: '' }],
    [1, '', { ok: false, code: 8 }],
    [1, '   ', { ok: false, code: 8 }],
    [2, undefined, { ok: false, code: 8 }],
    [1, '0612345678', { ok: true, param: '+33612345678' }],
    [1, '12', { ok: false, code: 12 }],
    [2, 'desk@example.com', { ok: true, param: 'desk@example.com' }],
    [2, 'desk@example', { ok: false, code: 9 }],
    [2, 'a b@example.com', { ok: false, code: 9 }],
  ] as const)('type %i with param %j → %j', (type, param, expected) => {
    expect(checkForwardingParam(type, param)).toEqual(expected);
  });

  test.each([
    ['disabled', 0, { ok: false, code: 18 }],
    ['forward', 1, { ok: false, code: 16 }],
    ['voicemail', 2, { ok: false, code: 17 }],
    ['disabled', 1, { ok: true, next: { mode: 'forward', param: 'p' } }],
    ['forward', 2, { ok: true, next: { mode: 'voicemail', param: 'p' } }],
    ['voicemail', 0, { ok: true, next: { mode: 'disabled', param: 'p' } }],
  ] as const)('from %s, type %i → %j', (mode, type, expected) => {
    expect(decideForwarding({ ...FORWARDING_OFF, mode }, type, 'p')).toEqual(expected);
  });
});

describe('rental rules', () => {
  const target = (changes: Partial<RentalTarget> = {}): RentalTarget => {
    const checked = checkTargeting({ sexe: 'm', minAge: 18, maxAge: 98, interest: 1 });
    if (!checked.ok) throw new Error('bad target');
    return { ...checked.target, zipcodes: ['60200'], departments: [], ...changes };
  };

  test.each([
    [{}, [['CP', '60200', 400]]],
    [{ sexe: 'h' as const }, [['CP', '60200', 200]]],
    [{ minAge: 58, maxAge: 98 }, [['CP', '60200', 202]]],
    [
      { zipcodes: ['00100', '2A004', '99000'] },
      [
        ['CP', '00100', 0],
        ['CP', '2A004', 400],
        ['CP', '99000', 0],
      ],
    ],
    [
      { zipcodes: [], departments: ['60', '971', '96', '2B'] },
      [
        ['DEP', '60', 20_000],
        ['DEP', '971', 20_000],
        ['DEP', '96', 0],
        ['DEP', '2B', 20_000],
      ],
    ],
    [{ minAge: 50, maxAge: 40 }, [['CP', '60200', 0]]],
  ])('%j → %j', (changes, rows) => {
    expect(availableRows(target(changes)).map((row) => [row.Type, row.Localite, row.Volume])).toEqual(rows);
  });

  test('volumes wanted within each place (27) and within the total (28); none wanted → all', () => {
    const available = availableRows(target({ zipcodes: ['60200', '02200'] }));
    expect(wantedRows(available, undefined)).toEqual({ ok: true, rows: available });
    expect(wantedRows(available, [{ type: undefined, locality: '02200', volume: 400 }])).toEqual({
      ok: true,
      rows: [{ Type: 'CP', Localite: '02200', Volume: 400 }],
    });
    expect(wantedRows(available, [{ type: undefined, locality: '02200', volume: 401 }])).toEqual({
      ok: false,
      code: 27,
    });
    expect(wantedRows(available, [{ type: 'DEP', locality: '02200', volume: 1 }])).toEqual({
      ok: false,
      code: 27,
    });
    expect(wantedRows(available, [{ type: undefined, locality: '75001', volume: 1 }])).toEqual({
      ok: false,
      code: 27,
    });
    expect(wantedRows(available, [{ type: 'total', locality: 'total', volume: 800 }])).toEqual({
      ok: true,
      rows: [],
    });
    expect(wantedRows(available, [{ type: 'total', locality: 'total', volume: 801 }])).toEqual({
      ok: false,
      code: 28,
    });
    expect(withTotal([{ Type: 'CP', Localite: '1', Volume: 2 }])).toEqual([
      { Type: 'CP', Localite: '1', Volume: 2 },
      { Type: 'total', Localite: 'total', Volume: 2 },
    ]);
  });

  test.each([
    [0, 0],
    [59_999, 0],
    [60_000, 1],
    [299_999, 1],
    [300_000, 2],
  ])('%i ms after the rental → status %i', (elapsed, status) => {
    expect(rentalStatusAt(1_000, 1_000 + elapsed)).toBe(status);
  });
});

describe('RCS rules', () => {
  test.each([
    ['+33612345678', true],
    ['+33600010000', false],
    ['+33600019999', false],
    ['+336000100001', true],
  ])('%s receives RCS: %s', (number, reaches) => {
    expect(reachesRcs(number)).toBe(reaches);
  });

  test('one line says what a message holds', () => {
    const reply = { reply: { text: 'Yes', postbackData: 'y' } };
    expect(describeRichContent({ conversation: { text: 'Hi', suggestions: [reply] } })).toBe('RCS: Hi [Yes]');
    expect(
      describeRichContent({ conversation: { file: { media: { fileUrl: 'https://e.com/a.pdf' } } } }),
    ).toBe('RCS: [file] https://e.com/a.pdf');
    expect(describeRichContent({ conversation: { richCard: { orientation: 'VERTICAL' } } })).toBe(
      'RCS: [card]',
    );
  });
});

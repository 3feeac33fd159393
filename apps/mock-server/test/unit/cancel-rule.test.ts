import { describe, expect, test } from 'vitest';
import { CANCEL_CUTOFF_MS, decideCancel, type StoredMessage } from '../../src/index.ts';

const SEND_AT = Date.parse('2030-01-15T09:00:00Z');
const SECOND = 1000;

function message(overrides: Partial<StoredMessage> = {}): StoredMessage {
  return {
    id: 1000,
    kind: 'send',
    recipients: '+33612345678',
    message: 'hello',
    range: 'premium',
    extras: undefined,
    held: false,
    nbSms: 1,
    costMicros: 38_000,
    createdAt: SEND_AT - 3_600_000,
    sendAt: SEND_AT,
    scheduled: true,
    sandbox: false,
    cancelledAt: undefined,
    settledAt: undefined,
    refundedSms: 0,
    ...overrides,
  };
}

describe('decideCancel (the five-minute rule)', () => {
  test('the cut-off is five minutes', () => {
    expect(CANCEL_CUTOFF_MS).toBe(300_000);
  });

  test.each([
    ['1 hour before', SEND_AT - 3_600_000, { ok: true }],
    ['5:01 before', SEND_AT - 5 * 60 * SECOND - SECOND, { ok: true }],
    ['5:00.001 before', SEND_AT - 5 * 60 * SECOND - 1, { ok: true }],
    ['exactly 5:00 before', SEND_AT - 5 * 60 * SECOND, { ok: false, code: 6 }],
    ['4:59 before', SEND_AT - 4 * 60 * SECOND - 59 * SECOND, { ok: false, code: 6 }],
    ['1 ms before', SEND_AT - 1, { ok: false, code: 6 }],
    ['at the send time (sent)', SEND_AT, { ok: false, code: 7 }],
    ['after the send time (sent)', SEND_AT + 60 * SECOND, { ok: false, code: 7 }],
  ])('a scheduled message, %s', (_label, now, decision) => {
    expect(decideCancel(message(), now)).toEqual(decision);
  });

  test.each([
    ['no message', undefined, 4],
    ['already cancelled', message({ cancelledAt: SEND_AT - 7_200_000 }), 5],
    ['cancelled, even inside the last five minutes', message({ cancelledAt: SEND_AT - 7_200_000 }), 5],
    ['an immediate send (already sent)', message({ scheduled: false, sendAt: SEND_AT - 3_600_000 }), 7],
    [
      'an immediate send, whatever the clock says',
      message({ scheduled: false, sendAt: SEND_AT + 3_600_000 }),
      7,
    ],
    ['a scheduled message the clock passed before being moved back', message({ settledAt: SEND_AT }), 7],
  ])('%s → code %i', (_label, stored, code) => {
    expect(decideCancel(stored, SEND_AT - 3 * 60 * SECOND)).toEqual({ ok: false, code });
  });
});

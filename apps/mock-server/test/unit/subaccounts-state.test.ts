import { MAX_AMOUNT_MICROS } from '@smspartner-kit/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../src/index.ts';
import { createStore, type SubaccountDraft } from '../../src/state/store.ts';
import { T0 } from '../helpers.ts';

const config = parseConfig({
  accounts: [
    { apiKey: 'master-key', balance: '100', subaccounts: true, username: 'master@example.test' },
    { apiKey: 'other-key', balance: '5' },
  ],
});
const simple = (creditMicros = 0, email?: string): SubaccountDraft => ({
  type: 'simple',
  email,
  isBuyer: false,
  creditMicros,
});

function fresh() {
  const store = createStore(config);
  const master = store.account('master-key');
  if (!master) throw new Error('no master');
  return { store, master };
}

describe('Store.openSubaccount and removeSubaccount', () => {
  test('a sub-account is an account of the registry: its key is served and known to the scrubber feed', () => {
    const { store, master } = fresh();
    const version = store.keysVersion;
    const created = store.openSubaccount(master, simple(2_500_000), T0);
    if (!created.ok) throw new Error(created.reason);
    const key = created.info.account.apiKey;
    expect(store.account(key)).toBe(created.info.account);
    expect([...store.apiKeys()]).toContain(key);
    expect(store.keysVersion).toBeGreaterThan(version);
    expect([master.balanceMicros, created.info.account.balanceMicros]).toEqual([97_500_000, 2_500_000]);
    expect(store.mayDisclose(master, key)).toBe(true);
    expect(store.mayDisclose(created.info.account, key)).toBe(false);
    expect(store.mayDisclose(master, 'master-key')).toBe(false);
  });

  test('refusals change nothing: an e-mail in use (any case), not enough money', () => {
    const { store, master } = fresh();
    const before = [store.keysVersion, master.balanceMicros, [...store.apiKeys()].length];
    expect(store.openSubaccount(master, simple(0, 'MASTER@example.test'), T0)).toEqual({
      ok: false,
      reason: 'email-taken',
    });
    expect(store.openSubaccount(master, simple(100_000_001), T0)).toEqual({
      ok: false,
      reason: 'insufficient',
    });
    expect([store.keysVersion, master.balanceMicros, [...store.apiKeys()].length]).toEqual(before);
  });

  test('removal: the key is gone (code 10 from then on), its balance is back with the master, once', () => {
    const { store, master } = fresh();
    const created = store.openSubaccount(master, simple(3_000_000), T0, { token: 'tok' });
    if (!created.ok) throw new Error(created.reason);
    const key = created.info.account.apiKey;
    expect(store.closeSubaccount(master, 'tok')).toBe(true);
    expect(store.account(key)).toBeUndefined();
    expect(master.balanceMicros).toBe(100_000_000);
    expect(store.closeSubaccount(master, 'tok')).toBe(false);
    expect(store.subaccounts.of(master)).toEqual([]);
  });

  test("another master's token is unknown; a fixed key or token already taken is replaced by a fresh one", () => {
    const { store, master } = fresh();
    const other = store.account('other-key');
    if (!other) throw new Error('no other');
    store.subaccounts.setEnabled(other, true);
    store.openSubaccount(master, simple(), T0, { token: 'shared' });
    const second = store.openSubaccount(other, simple(), T0, { token: 'shared', apiKey: 'master-key' });
    if (!second.ok) throw new Error(second.reason);
    expect(second.info.token).not.toBe('shared');
    expect(second.info.account.apiKey).not.toBe('master-key');
    expect(store.closeSubaccount(other, 'shared')).toBe(false);
    expect(store.account('master-key')).toBe(master);
  });

  test('resetting a master removes its sub-accounts; resetting a sub-account removes it; a full reset removes all', () => {
    const { store, master } = fresh();
    const one = store.openSubaccount(master, simple(1_000_000), T0);
    const two = store.openSubaccount(master, simple(1_000_000), T0);
    if (!one.ok || !two.ok) throw new Error('not created');
    expect(store.resetAccount(two.info.account.apiKey)).toBe(true);
    expect(store.account(two.info.account.apiKey)).toBeUndefined();
    expect(store.subaccounts.of(master).map((info) => info.token)).toEqual([one.info.token]);
    store.resetAccount('master-key');
    expect(store.account(one.info.account.apiKey)).toBeUndefined();
    const again = store.account('master-key');
    if (!again) throw new Error('no master');
    const three = store.openSubaccount(again, simple(), T0);
    if (!three.ok) throw new Error(three.reason);
    store.reset();
    expect(store.account(three.info.account.apiKey)).toBeUndefined();
    expect([...store.apiKeys()].sort()).toEqual(['master-key', 'other-key']);
  });

  test('a sub-account manages none of its own: the feature is off for it whatever is asked', () => {
    const { store, master } = fresh();
    const created = store.openSubaccount(master, simple(), T0);
    if (!created.ok) throw new Error(created.reason);
    store.subaccounts.setEnabled(created.info.account, true);
    expect(store.subaccounts.enabled(created.info.account)).toBe(false);
    expect(store.subaccounts.enabled(master)).toBe(true);
  });
});

describe('SubaccountBook.move: both sides or neither', () => {
  test.each([
    ['from an empty balance', 0, 5, 1, 'empty'],
    ['more than the sender holds', 10, 0, 11, 'insufficient'],
    ['past the bound of the receiver', 10, MAX_AMOUNT_MICROS - 5, 6, 'bound'],
  ])('%s is refused and nothing moves', (_label, fromMicros, toMicros, micros, reason) => {
    const { store, master } = fresh();
    const created = store.openSubaccount(master, simple(), T0);
    if (!created.ok) throw new Error(created.reason);
    const to = created.info.account;
    master.setBalance(fromMicros);
    to.setBalance(toMicros);
    expect(store.subaccounts.move(master, to, micros)).toEqual({ ok: false, reason });
    expect([master.balanceMicros, to.balanceMicros]).toEqual([fromMicros, toMicros]);
  });

  test('any sequence of creations, moves both ways and removals keeps the family total, to the micro-euro', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), micros: fc.integer({ min: 0, max: 30_000_000 }) }),
      fc.record({
        kind: fc.constantFrom('add' as const, 'take' as const),
        index: fc.nat(5),
        micros: fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 120_000_000 })),
      }),
      fc.record({ kind: fc.constant('remove' as const), index: fc.nat(5) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const { store, master } = fresh();
        const total = () =>
          master.balanceMicros +
          store.subaccounts.of(master).reduce((sum, info) => sum + info.account.balanceMicros, 0);
        const start = total();
        for (const step of operations) {
          const children = store.subaccounts.of(master);
          const child =
            step.kind === 'create' ? undefined : children[step.index % Math.max(children.length, 1)];
          if (step.kind === 'create') store.openSubaccount(master, simple(step.micros), T0);
          else if (!child) continue;
          else if (step.kind === 'add') store.subaccounts.move(master, child.account, step.micros);
          else if (step.kind === 'take') store.subaccounts.move(child.account, master, step.micros);
          else store.closeSubaccount(master, child.token);
          expect(total()).toBe(start);
          for (const account of [master, ...store.subaccounts.of(master).map((info) => info.account)]) {
            expect(Number.isSafeInteger(account.balanceMicros)).toBe(true);
            expect(account.balanceMicros).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { seed: 20_300_115, numRuns: 200 },
    );
  });
});

import { REDACTED } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { createSecretScrubber } from '../../src/http/secrets.ts';
import { dispatch, parseConfig, type RequestEnvironment } from '../../src/index.ts';
import { createStore } from '../../src/state/store.ts';
import { T0 } from '../helpers.ts';

const config = parseConfig({
  accounts: [
    { apiKey: 'master-key-1', credits: 100, subaccounts: true },
    { apiKey: 'master-key-2', credits: 100, subaccounts: true },
    { apiKey: 'plain-key-3', credits: 100 },
  ],
});
const env = (): RequestEnvironment => ({ store: createStore(config), config, checkResponses: true });

describe('the pipeline, for the contact and sub-account families', () => {
  test('authorize runs after the key and before any field: a plain account learns nothing about its fields', () => {
    const state = env();
    expect(dispatch('createSubaccount', { apiKey: 'plain-key-3', type: 42 }, state).body).toMatchObject({
      code: 2,
    });
    expect(dispatch('createSubaccount', { type: 'simple' }, state).body).toMatchObject({ code: 1 });
    expect(dispatch('addSubaccountCredit', { apiKey: 'plain-key-3' }, state).body).toMatchObject({ code: 4 });
    expect(dispatch('addSubaccountCredit', { apiKey: 'master-key-1' }, state).body).toMatchObject({
      code: 2,
    });
  });

  test('a field selects the entry that shares its route: contactsList makes Add Contact Add Bulk Contacts', () => {
    const state = env();
    const single = dispatch('addContact', { apiKey: 'master-key-1', groupId: '1', contact: {} }, state);
    const bulk = dispatch('addContact', { apiKey: 'master-key-1', groupId: '1', contactsList: [{}] }, state);
    const asNull = dispatch(
      'addContact',
      { apiKey: 'master-key-1', groupId: '1', contactsList: null },
      state,
    );
    expect([single.endpoint.name, bulk.endpoint.name, asNull.endpoint.name]).toEqual([
      'addContact',
      'addBulkContacts',
      'addBulkContacts',
    ]);
    expect(asNull.body).toEqual({ success: false, code: 2, message: 'Contact information is required' });
  });

  test("disclose lets an answer show the caller's own sub-accounts' keys only", () => {
    const state = env();
    const [one, two] = ['master-key-1', 'master-key-2'].map((apiKey) => {
      const master = state.store.account(apiKey);
      if (!master) throw new Error('no master');
      const created = state.store.openSubaccount(
        master,
        { type: 'simple', email: undefined, isBuyer: false, creditMicros: 0 },
        T0,
      );
      if (!created.ok) throw new Error(created.reason);
      return created.info.account.apiKey;
    });
    const outcome = dispatch('listSubaccounts', { apiKey: 'master-key-1' }, state);
    expect(outcome.disclosed).toEqual([one]);
    expect(outcome.body).toMatchObject({ data: [{ apiKey: one }] });
    expect(dispatch('listSubaccounts', { apiKey: 'master-key-2' }, state).disclosed).toEqual([two]);
    expect(dispatch('getCredits', { apiKey: one as string }, state).disclosed).toEqual([]);
  });

  test('a success without success or code (Add Bulk Contacts) passes the response check', () => {
    const state = env();
    const master = state.store.account('master-key-1');
    if (!master) throw new Error('no master');
    state.store.contacts.createGroup(master, 'g', T0, '7');
    const bulk = dispatch(
      'addBulkContacts',
      { apiKey: 'master-key-1', groupId: '7', contactsList: [{ phoneNumber: '0600000001' }] },
      state,
    );
    expect(bulk.body).not.toHaveProperty('success');
    expect(bulk.body).toMatchObject({ rapport: { nbline_imported: 1 } });
  });
});

describe('the answer scrubber: one answer may show the keys it disclosed', () => {
  const source = { keysVersion: 1, apiKeys: () => ['master-key-1', 'sub-key-0123456789'] };

  test.each([
    ['raw', (key: string) => key],
    ['JSON-escaped', (key: string) => JSON.stringify(key).slice(1, -1)],
    ['XML in CDATA', (key: string) => `<![CDATA[${key}]]>`],
  ])('allowed keys stay (%s), every other key goes', (_label, form) => {
    const scrub = createSecretScrubber(source);
    const text = `${form('sub-key-0123456789')} ${form('master-key-1')}`;
    expect(scrub.text(text, new Set(['sub-key-0123456789']))).toBe(
      `${form('sub-key-0123456789')} ${form(REDACTED)}`,
    );
    expect(scrub.text(text)).not.toContain('sub-key-0123456789');
    expect(scrub.text(text)).not.toContain('master-key-1');
  });
});

describe('the answer scrubber searches head by head, or reads every position once there are many keys', () => {
  test.each([
    ['few keys (searched with indexOf)', 3],
    ['many keys (over 64 heads: read position by position)', 200],
  ])('%s: every key, overlapping or adjacent, is replaced; an allowed one stays', (_label, count) => {
    const keys = Array.from(
      { length: count },
      (_, index) => `${String.fromCharCode(0x4e00 + index)}key-${index}-secret`,
    );
    const scrub = createSecretScrubber({ keysVersion: 1, apiKeys: () => keys });
    const [first, second, last] = [keys[0], keys[1], keys.at(-1)] as [string, string, string];
    const text = `a${first}${second}b "${last}" ${first}`;
    expect(scrub.text(text)).toBe(`a${REDACTED}${REDACTED}b "${REDACTED}" ${REDACTED}`);
    expect(scrub.text(text, new Set([second]))).toBe(`a${REDACTED}${second}b "${REDACTED}" ${REDACTED}`);
    expect(scrub.text('nothing here')).toBe('nothing here');
  });
});

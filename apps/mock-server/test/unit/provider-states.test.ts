import { describe, expect, test } from 'vitest';
import { dispatch, parseConfig } from '../../src/index.ts';
import { createStore } from '../../src/state/store.ts';
import { states } from '../contract/states.ts';

/** The provider states of the contact and sub-account pacts, built before any pact uses them. */
function mock() {
  const config = parseConfig({ accounts: [] });
  return { store: createStore(config), config };
}

describe('provider states: contacts and sub-accounts', () => {
  test("'a group with contacts' gives the named group and first contact, and numbers in order", () => {
    const app = mock();
    expect(states['a group with contacts'](app, { apiKey: 'pact-key', contacts: 3 })).toEqual({
      groupId: '6363',
      contactId: '1000001',
    });
    const page = dispatch('listContacts', { apiKey: 'pact-key', groupId: '6363' }, app).body;
    expect(page).toMatchObject({
      total: '3',
      datas: [
        { contactId: '1000001', phone: '+33600000001' },
        { phone: '+33600000002' },
        { phone: '+33600000003' },
      ],
    });
  });

  test("'a group with contacts' with a stopList: adding that number answers 14", () => {
    const app = mock();
    states['a group with contacts'](app, { apiKey: 'pact-key', stopList: ['0600000009'] });
    const body = dispatch(
      'addContact',
      { apiKey: 'pact-key', groupId: '6363', contact: { phoneNumber: '0600000009' } },
      app,
    ).body;
    expect(body).toMatchObject({ success: false, code: 14 });
  });

  test("'a sub-account' gives a master with the named token, the sub-account credited from it", () => {
    const app = mock();
    expect(states['a sub-account'](app, { apiKey: 'pact-key', credits: 100, subaccountCredits: 10 })).toEqual(
      {
        token: 'SUBACCOUNT_TOKEN',
      },
    );
    const moved = dispatch(
      'addSubaccountCredit',
      { apiKey: 'pact-key', credit: '1', tokenSubaccount: 'SUBACCOUNT_TOKEN' },
      app,
    ).body;
    expect(moved).toEqual({
      success: true,
      code: 200,
      credit: 2.42,
      subaccountCredit: 1.38,
      currency: 'EUR',
    });
  });

  test("'an account with sub-accounts enabled' may create one", () => {
    const app = mock();
    states['an account with sub-accounts enabled'](app, { apiKey: 'pact-key' });
    expect(dispatch('createSubaccount', { apiKey: 'pact-key', type: 'simple' }, app).body).toMatchObject({
      success: true,
      code: 200,
    });
  });
});

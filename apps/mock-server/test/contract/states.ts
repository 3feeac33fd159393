import {
  checkPhoneNumber,
  type EndpointName,
  endpoints,
  isDeliveryStatus,
  type ProviderStateName,
  toScheduleFields,
} from '@smspartner-kit/schema';
import { dispatch, type MockApp, type Store } from '../../src/index.ts';

/**
 * One seeder per provider state named in the registry: the mapped type makes a
 * state without a seeder a compile error. Each seeder builds its state through
 * the mock's own programmatic API (accounts, per-account clock, and the real
 * send and cancel handlers), after the verifier has reset the store.
 *
 * Parameters come from the consumer's `given(state, params)`: `apiKey` always,
 * `credits` optionally, `minutesUntilSend` for a scheduled message. Seeders
 * that create a message return `{messageId}`, which the pact injects into the
 * request with `fromProviderState('${messageId}', …)`.
 */
export type StateSeeder = (
  mock: Pick<MockApp, 'store' | 'config'>,
  params: Record<string, unknown>,
) => Record<string, unknown> | undefined;

/** Every state's account lives by its own clock, frozen at this instant (10:00 in Paris). */
export const STATE_CLOCK = Date.parse('2030-01-15T09:00:00Z');
const MINUTE = 60_000;

function account(store: Store, params: Record<string, unknown>, fallbackCredits: number): string {
  const apiKey = typeof params.apiKey === 'string' ? params.apiKey : 'pact-test-key';
  const credits = typeof params.credits === 'number' ? params.credits : fallbackCredits;
  // HLR credits go with SMS credits (an account without credits has none of either), unless given.
  const hlrCredits = typeof params.hlrCredits === 'number' ? params.hlrCredits : credits > 0 ? 100 : 0;
  store.upsertAccount(apiKey, credits, { hlrCredits });
  store.ownClock(apiKey)?.set(STATE_CLOCK);
  return apiKey;
}

/** Sends through the real handler, scheduled an hour ahead unless `immediate`; returns the message id. */
function send(
  { store, config }: Pick<MockApp, 'store' | 'config'>,
  apiKey: string,
  immediate: boolean,
): number {
  const clock = store.clockFor(apiKey);
  const schedule = toScheduleFields(clock.now() + 60 * MINUTE);
  if (!schedule.ok) throw new Error('the state clock must sit on a five-minute step');
  const { body } = dispatch(
    'sendSms',
    {
      apiKey,
      phoneNumbers: '+33600000000',
      message: 'Provider state message',
      ...(immediate ? {} : schedule.fields),
    },
    { store, config },
  );
  if (!body.success) throw new Error(`seeding send failed with code ${body.code}`);
  return body.message_id as number;
}

/** An account with sub-accounts activated (a master account), its own clock at STATE_CLOCK. */
function master(store: Store, params: Record<string, unknown>): string {
  const apiKey = typeof params.apiKey === 'string' ? params.apiKey : 'pact-test-key';
  store.resetAccount(apiKey);
  store.upsertAccount(apiKey, typeof params.credits === 'number' ? params.credits : 100, {
    subaccounts: true,
  });
  store.ownClock(apiKey)?.set(STATE_CLOCK);
  return apiKey;
}

export const states: { readonly [Name in ProviderStateName]: StateSeeder } = {
  'a group with contacts': ({ store }, params) => {
    // `groupId` and `contactId` (the first contact's) are fixed so a pact can name them; `contacts` is how
    // many (their numbers +33600000001, +33600000002…); `stopList` puts numbers on the account's STOP list.
    const stopList = Array.isArray(params.stopList) ? params.stopList.map(String) : undefined;
    if (stopList) {
      const key = typeof params.apiKey === 'string' ? params.apiKey : 'pact-test-key';
      store.resetAccount(key);
      store.upsertAccount(key, typeof params.credits === 'number' ? params.credits : 100, { stopList });
    }
    const apiKey = account(store, params, 100);
    const owner = store.account(apiKey) as NonNullable<ReturnType<Store['account']>>;
    const now = store.clockFor(apiKey).now();
    const groupId = typeof params.groupId === 'string' ? params.groupId : '6363';
    const group = store.contacts.createGroup(
      owner,
      typeof params.name === 'string' ? params.name : 'Group name',
      now,
      groupId,
    );
    if (!group.ok) throw new Error(`seeding the group failed: ${group.reason}`);
    const count = typeof params.contacts === 'number' ? params.contacts : 1;
    const firstId = typeof params.contactId === 'string' ? params.contactId : '1000001';
    for (let index = 0; index < count; index++) {
      const phone = `+336${String(index + 1).padStart(8, '0')}`;
      const fields = {
        phone,
        firstname: '',
        lastname: '',
        date: '',
        shortUrlPartnr: '',
        url: '',
        custom1: '',
        custom2: '',
        custom3: '',
        custom4: '',
      };
      const added = store.contacts.insertContact(
        owner,
        groupId,
        fields,
        now,
        index === 0 ? firstId : undefined,
      );
      if (!added.ok) throw new Error(`seeding a contact failed: ${added.reason}`);
    }
    return { groupId, contactId: firstId };
  },
  'an account with sub-accounts enabled': ({ store }, params) => {
    master(store, params);
    return undefined;
  },
  'a sub-account': ({ store }, params) => {
    // `token` is fixed so a pact can name it; `subaccountCredits` SMS credits move to it at creation.
    const apiKey = master(store, params);
    const parent = store.account(apiKey) as NonNullable<ReturnType<Store['account']>>;
    const token = typeof params.token === 'string' ? params.token : 'SUBACCOUNT_TOKEN';
    const credits = typeof params.subaccountCredits === 'number' ? params.subaccountCredits : 10;
    const created = store.openSubaccount(
      parent,
      { type: 'simple', email: undefined, isBuyer: false, creditMicros: credits * store.creditMicros },
      store.clockFor(apiKey).now(),
      { token },
    );
    if (!created.ok) throw new Error(`seeding the sub-account failed: ${created.reason}`);
    return { token };
  },
  'an account with credits': ({ store }, params) => {
    account(store, params, 100);
    return undefined;
  },
  'an account with settings': ({ store }, params) => {
    // Any account setting of the config travels as a parameter: status, apiAccess, allowedIps,
    // marketing, stopList, lowCost, unicode, virtualNumbers, surveys, credits or balance.
    // `clock` (ISO-8601) sets the account's own clock instead of STATE_CLOCK.
    const { apiKey, credits, clock, ...settings } = params as {
      apiKey?: string;
      credits?: number;
      clock?: string;
    } & Record<string, unknown>;
    const key = typeof apiKey === 'string' ? apiKey : 'pact-test-key';
    store.resetAccount(key);
    const created = store.upsertAccount(key, typeof credits === 'number' ? credits : 100, settings);
    if (!created.created) throw new Error('the state account already existed');
    store.ownClock(key)?.set(typeof clock === 'string' ? Date.parse(clock) : STATE_CLOCK);
    return undefined;
  },
  'a fault is injected': ({ store }, params) => {
    const apiKey = account(store, params, 100);
    const endpoint = typeof params.endpoint === 'string' ? params.endpoint : 'sendSms';
    store.account(apiKey)?.injectFault(endpoint, typeof params.times === 'number' ? params.times : 1);
    return undefined;
  },
  'an account without credits': ({ store }, params) => {
    account(store, { ...params, credits: 0 }, 0);
    return undefined;
  },
  'a scheduled message': (mock, params) => {
    const { store } = mock;
    const apiKey = account(store, params, 100);
    const messageId = send(mock, apiKey, false);
    const minutes = typeof params.minutesUntilSend === 'number' ? params.minutesUntilSend : 60;
    store.clockFor(apiKey).set(STATE_CLOCK + 60 * MINUTE - minutes * MINUTE);
    return { messageId };
  },
  'a cancelled message': (mock, params) => {
    const apiKey = account(mock.store, params, 100);
    const messageId = send(mock, apiKey, false);
    const { body: answer } = dispatch('cancelSms', { apiKey, messageId }, mock);
    if (!answer.success) throw new Error(`seeding cancel failed with code ${answer.code}`);
    return { messageId };
  },
  'a sent message': (mock, params) => {
    const apiKey = account(mock.store, params, 100);
    return { messageId: send(mock, apiKey, true) };
  },
  'a message with a delivery status': (mock, params) => {
    // Sent now to `phoneNumber` (default +33600000000, `tag` optional), then given `status` (default
    // Delivered) through the admin API's forced outcome, effective at once.
    const { store, config } = mock;
    const apiKey = account(store, params, 100);
    const phoneNumber = typeof params.phoneNumber === 'string' ? params.phoneNumber : '+33600000000';
    const status = isDeliveryStatus(params.status) ? params.status : 'Delivered';
    const { body } = dispatch(
      'sendSms',
      {
        apiKey,
        phoneNumbers: phoneNumber,
        message: 'Provider state message',
        ...(typeof params.tag === 'string' ? { tag: params.tag } : {}),
        ...(typeof params.urlDlr === 'string' ? { urlDlr: params.urlDlr } : {}),
      },
      { store, config },
    );
    if (!body.success) throw new Error(`seeding send failed with code ${body.code}`);
    const messageId = body.message_id as number;
    const forced = store.forceOutcome(messageId, status, { apiKey });
    if (!forced.ok) throw new Error(`seeding the outcome failed: ${forced.reason}`);
    return { messageId };
  },
  'a reply was received': (mock, params) => {
    // A message sent to +33600000000 (by long number 33700000000 when `longNumber`), answered with
    // `text`; `urlResponse` receives the reply webhook.
    const { store, config } = mock;
    const apiKey = typeof params.apiKey === 'string' ? params.apiKey : 'pact-test-key';
    store.resetAccount(apiKey);
    const urlResponse = typeof params.urlResponse === 'string' ? params.urlResponse : undefined;
    store.upsertAccount(apiKey, 100, { virtualNumbers: ['33700000000'] });
    store.ownClock(apiKey)?.set(STATE_CLOCK);
    const long = params.longNumber === true;
    const { body } = dispatch(
      long ? 'sendVnSms' : 'sendSms',
      {
        apiKey,
        message: 'Provider state message',
        ...(long ? { to: '+33600000000', from: '33700000000' } : { phoneNumbers: '+33600000000' }),
        ...(urlResponse ? { urlResponse } : {}),
      },
      { store, config },
    );
    if (!body.success) throw new Error(`seeding send failed with code ${body.code}`);
    const messageId = body.message_id as number;
    const text = typeof params.text === 'string' ? params.text : 'Yes';
    const reply = store.receiveReply(apiKey, { from: '+33600000000', text, messageId });
    if (!reply?.ok) throw new Error('seeding the reply failed');
    return { messageId };
  },
  'numbers were verified': (mock, params) => {
    // An HLR request for `phoneNumbers` (default +33612345678) with `notifyUrl`: one result queued per number.
    const apiKey = account(mock.store, params, 100);
    const { body } = dispatch(
      'verifyNumbers',
      {
        apiKey,
        phoneNumbers: typeof params.phoneNumbers === 'string' ? params.phoneNumbers : '+33612345678',
        ...(typeof params.notifyUrl === 'string' ? { notifyUrl: params.notifyUrl } : {}),
      },
      mock,
    );
    if (!body.success) throw new Error(`seeding an HLR request failed with code ${body.code}`);
    return undefined;
  },
  'a number on the stop list': ({ store }, params) => {
    const apiKey = account(store, params, 100);
    const checked = checkPhoneNumber(
      typeof params.phoneNumber === 'string' ? params.phoneNumber : '+33622222222',
    );
    if (!checked.valid) throw new Error('the state phone number is not valid');
    const added = store.account(apiKey)?.stopList.add(checked.e164, store.clockFor(apiKey).now(), 'api');
    if (!added?.ok) throw new Error('seeding the STOP list failed');
    return { stopId: added.entry.id };
  },
  'a virtual number with call forwarding': (mock, params) => {
    // `number` (default 33700000000) rented, forwarding to `param` (default +33612345678), or to
    // voicemail at `param` with `type: 2`.
    const apiKey = typeof params.apiKey === 'string' ? params.apiKey : 'pact-test-key';
    const number = typeof params.number === 'string' ? params.number : '33700000000';
    const type = params.type === 2 ? 2 : 1;
    const param =
      typeof params.param === 'string' ? params.param : type === 2 ? 'voicemail@example.com' : '+33612345678';
    mock.store.upsertAccount(apiKey, 100, { virtualNumbers: [number] });
    const { body } = dispatch('setCallForwarding', { apiKey, number, type, param }, mock);
    if (!body.success) throw new Error(`seeding call forwarding failed with code ${body.code}`);
    return undefined;
  },
  'a contact rental': (mock, params) => {
    // A rental made `minutesAgo` minutes before the state clock (default 10: its file is ready).
    const apiKey = account(mock.store, params, 100);
    const minutes = typeof params.minutesAgo === 'number' ? params.minutesAgo : 10;
    mock.store.clockFor(apiKey).set(STATE_CLOCK - minutes * MINUTE);
    const { body } = dispatch(
      'targetContacts',
      {
        apiKey,
        op: 'rent',
        parameters: { sexe: 'm', minAge: 25, maxAge: 35, zipcode: '60200', interest: 14 },
        volumes: { '60200': 20 },
      },
      mock,
    );
    if (!body.success) throw new Error(`seeding a rental failed with code ${body.code}`);
    mock.store.clockFor(apiKey).set(STATE_CLOCK);
    return { token: body.token as string };
  },
  'the rate limit is reached': ({ store }, params) => {
    // Every request of the minute `endpoint` (default verifyNumbers) allows is already used.
    const apiKey = account(store, params, 100);
    const name = typeof params.endpoint === 'string' ? params.endpoint : 'verifyNumbers';
    const limit = endpoints[name as EndpointName]?.rateLimit;
    const owner = store.account(apiKey);
    if (!limit || !owner) throw new Error(`${name} documents no rate limit`);
    store.rateLimits.fill(owner, name, limit.perMinute, store.clockFor(apiKey).now());
    return undefined;
  },
};

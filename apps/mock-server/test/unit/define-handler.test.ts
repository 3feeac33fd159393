import { CANCEL_SUCCESS_MESSAGE, endpoints } from '@smspartner-kit/schema';
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  defineHandler,
  dispatch,
  type Handler,
  handlers,
  parseConfig,
  type RequestEnvironment,
  runHandler,
} from '../../src/index.ts';
import { createStore } from '../../src/state/store.ts';

const config = parseConfig({ accounts: [{ apiKey: 'k', credits: 10 }] });
const env = (): RequestEnvironment => ({ store: createStore(config), config, checkResponses: true });

describe('defineHandler: the types hold a handler to its registry entry', () => {
  test('a handler receives its parsed request and answers its own success shape or codes', () => {
    defineHandler('cancelSms', (request, { fail }) => {
      expectTypeOf(request.messageId).toEqualTypeOf<string | number>();
      // @ts-expect-error 12 is not in the cancel catalogue
      fail(12);
      return fail(6);
    });
    // @ts-expect-error a success body with a key the response schema does not have
    defineHandler('cancelSms', () => ({ success: true, code: 200, message: 'x', extra: 1 }));
    // @ts-expect-error a success body missing a key the response schema requires
    defineHandler('cancelSms', () => ({ success: true, code: 200 }));
    // @ts-expect-error a failure with a code outside the catalogue
    defineHandler('cancelSms', () => ({ success: false, code: 13, message: 'No default price' }));
    // @ts-expect-error the code-9 list answer does not exist where the catalogue has no 9
    defineHandler('cancelSms', (_request, { invalid }) => invalid([]));
    defineHandler('sendSms', (_request, { invalid }) => invalid([{ elementId: 'x', message: 'y' }]));
  });

  test('the handler map is keyed by every registry name, each handler declaring that name', () => {
    expectTypeOf(handlers).toEqualTypeOf<{ readonly [Name in keyof typeof endpoints]: Handler<Name> }>();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(endpoints).sort());
    for (const [name, handler] of Object.entries(handlers)) expect(handler.name).toBe(name);
  });
});

describe('runHandler: the pipeline every endpoint shares', () => {
  const drifting = {
    ...handlers,
    // Answers a success body its response schema refuses (no message).
    cancelSms: defineHandler('cancelSms', () => ({ success: true, code: 200 }) as never),
  };

  test('with checkResponses, a success body outside the response schema throws (the app answers 500)', () => {
    const state = env();
    const sent = dispatch('sendSms', { apiKey: 'k', phoneNumbers: '0600000000', message: 'x' }, state);
    expect(sent.body.code).toBe(200);
    expect(() => runHandler(drifting, 'cancelSms', { apiKey: 'k', messageId: 1000 }, state)).toThrow(
      /cancelSms answer does not fit the registry's response schema/,
    );
  });

  test('without checkResponses the same body goes out as it is (production mode trusts the types)', () => {
    const state = { ...env(), checkResponses: false };
    expect(runHandler(drifting, 'cancelSms', { apiKey: 'k', messageId: 1000 }, state).body).toEqual({
      success: true,
      code: 200,
    });
  });

  test.each([
    ['no key', {}, 1],
    ['an empty key', { apiKey: '' }, 1],
    ['a null key', { apiKey: null }, 1],
    ['an unknown key', { apiKey: 'nobody' }, 10],
    ['a key that is not a string', { apiKey: ['k'] }, 10],
  ])('the key comes first: %s → %i, before any field check', (_label, raw, code) => {
    expect(dispatch('cancelSms', raw, env()).body).toMatchObject({ success: false, code });
  });

  test('a body with SMSList sent to sendSms is answered by sendBulkSms, whose fields are then the known ones', () => {
    const outcome = dispatch(
      'sendSms',
      { apiKey: 'k', SMSList: [{ phoneNumber: '0600000000', message: 'x' }] },
      env(),
    );
    expect(outcome.endpoint.name).toBe('sendBulkSms');
    expect(outcome.unknownFields).toEqual([]);
    expect(outcome.body).toMatchObject({ success: true, code: 200, nbSMS: 1 });
  });

  test('undocumented fields are reported in order, and refused with code 9 only in strict mode', () => {
    const raw = { apiKey: 'k', messageId: 1, extra: 1, webhookUrl: 'x' };
    expect(dispatch('cancelSms', raw, env()).unknownFields).toEqual(['extra', 'webhookUrl']);
    const strict = { ...env(), config: parseConfig({ ...config, strictParams: true }) };
    // cancel documents no 9: strict mode does not invent it there
    expect(dispatch('cancelSms', raw, strict).body).toMatchObject({ code: 4 });
    expect(
      dispatch('sendSms', { apiKey: 'k', phoneNumbers: '0600000000', message: 'x', extra: 1 }, strict).body,
    ).toEqual({
      success: false,
      code: 9,
      error: [{ elementId: 'children[extra].data', message: 'This field is not documented' }],
    });
  });

  test('the cancel handler changes state only through the message book: one refund, however many cancels', () => {
    const state = env();
    const schedule = { scheduledDeliveryDate: '15/01/2099', time: 10, minute: 0 };
    const sent = dispatch(
      'sendSms',
      { apiKey: 'k', phoneNumbers: '0600000000', message: 'x', ...schedule },
      state,
    );
    const account = state.store.account('k');
    expect(account?.credits).toBe(9);
    const first = dispatch('cancelSms', { apiKey: 'k', messageId: sent.body.message_id }, state);
    const second = dispatch('cancelSms', { apiKey: 'k', messageId: sent.body.message_id }, state);
    expect([first.body, second.body]).toEqual([
      { success: true, code: 200, message: CANCEL_SUCCESS_MESSAGE },
      { success: false, code: 5, message: 'The SMS has already been canceled' },
    ]);
    expect(account?.credits).toBe(10);
  });
});

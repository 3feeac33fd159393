import { routes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient, createTransport } from '../../../src/index.ts';
import {
  createPact,
  eachLike,
  failureBody,
  fromProviderState,
  integer,
  JSON_TYPE,
  PACT_KEY,
  regex,
} from '../pact.ts';

/**
 * The consumer side of the STOP list: list, add, delete, and every code. A
 * listed number comes from the provider state `a number on the stop list`
 * (+33622222222 by default), which returns the entry's `stopId`.
 */
const pact = createPact();
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression, not a JS template
const seededStop = fromProviderState('${stopId}', '1');
const listed = ['a number on the stop list', { apiKey: PACT_KEY }] as const;
const credits = ['an account with credits', { apiKey: PACT_KEY }] as const;
const client = (url: string) => createSmsPartnerClient({ baseUrl: url, apiKey: PACT_KEY, retry: 0 });

describe('STOP-list contracts', () => {
  test('lists the numbers', async () => {
    await pact
      .addInteraction()
      .given(...listed)
      .uponReceiving('the STOP list of an account with one number')
      .withRequest('GET', '/v1/stop-sms/list', (request) => request.query({ apiKey: PACT_KEY }))
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          success: true,
          code: 200,
          nbData: integer(1),
          data: eachLike({
            id: integer(1),
            phoneNumber: '+33622222222',
            createdAt: regex('^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$', '2030-01-15 10:00:00'),
          }),
        }),
      )
      .executeTest(async (server) => {
        await expect(client(server.url).listStopSms()).resolves.toMatchObject({
          nbData: 1,
          data: [{ phoneNumber: '+33622222222' }],
        });
      });
  });

  test('adds a number', async () => {
    await pact
      .addInteraction()
      .given(...credits)
      .uponReceiving('a number added to the STOP list')
      .withRequest('POST', '/v1/stop-sms/add', (request) =>
        request.jsonBody({ apiKey: PACT_KEY, phoneNumber: '+33622222222' }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({ success: true, code: 200, stopId: integer(300) }),
      )
      .executeTest(async (server) => {
        await expect(client(server.url).addStopSms({ phoneNumber: '+33622222222' })).resolves.toMatchObject({
          code: 200,
        });
      });
  });

  test('deletes an entry by its id', async () => {
    await pact
      .addInteraction()
      .given(...listed)
      .uponReceiving('a STOP-list entry deleted by its id')
      .withRequest('GET', '/v1/stop-sms/delete', (request) =>
        request.query({ apiKey: PACT_KEY, id: seededStop }),
      )
      .willRespondWith(200, (response) => response.headers(JSON_TYPE).jsonBody({ success: true, code: 200 }))
      .executeTest(async (server) => {
        await expect(client(server.url).deleteStopSms({ id: 1 })).resolves.toEqual({
          success: true,
          code: 200,
        });
      });
  });

  const failures: [
    'listStopSms' | 'addStopSms' | 'deleteStopSms',
    number,
    string,
    readonly [string, Record<string, unknown>] | undefined,
    Record<string, unknown>,
  ][] = [
    ['listStopSms', 1, 'a STOP list without an apiKey', undefined, { apiKey: undefined }],
    ['listStopSms', 10, 'a STOP list with an unknown apiKey', undefined, { apiKey: 'not-a-configured-key' }],
    [
      'addStopSms',
      1,
      'a STOP add without an apiKey',
      undefined,
      { apiKey: undefined, phoneNumber: '+33622222222' },
    ],
    ['addStopSms', 2, 'a STOP add without a number', credits, {}],
    ['addStopSms', 3, 'a STOP add of a number listed already', listed, { phoneNumber: '+33622222222' }],
    ['addStopSms', 9, 'a STOP add of a number that is not one', credits, { phoneNumber: '922264' }],
    [
      'addStopSms',
      10,
      'a STOP add with an unknown apiKey',
      undefined,
      { apiKey: 'not-a-configured-key', phoneNumber: '+33622222222' },
    ],
    [
      'addStopSms',
      500,
      'a STOP add when the list is full',
      ['a fault is injected', { apiKey: PACT_KEY, endpoint: 'addStopSms' }],
      { phoneNumber: '+33622222222' },
    ],
    ['deleteStopSms', 1, 'a STOP delete without an apiKey', undefined, { apiKey: undefined, id: 1 }],
    ['deleteStopSms', 2, 'a STOP delete by an empty phoneNumber', credits, { phoneNumber: '' }],
    ['deleteStopSms', 3, 'a STOP delete without an id', credits, {}],
    ['deleteStopSms', 4, 'a STOP delete of an id not in the list', credits, { id: 999999 }],
    [
      'deleteStopSms',
      10,
      'a STOP delete with an unknown apiKey',
      undefined,
      { apiKey: 'not-a-configured-key', id: 1 },
    ],
  ];

  test('every code of the three catalogues has an interaction', () => {
    for (const name of ['listStopSms', 'addStopSms', 'deleteStopSms'] as const) {
      const covered = [
        ...new Set(failures.filter(([endpoint]) => endpoint === name).map(([, code]) => code)),
      ];
      expect(
        covered.sort((a, b) => a - b),
        name,
      ).toEqual(Object.keys(routes[name].codes).map(Number));
    }
  });

  test.each(failures)('%s code %i: %s', async (name, code, description, given, params) => {
    const route = routes[name];
    const catalogue = route.codes as Record<number, { message: string }>;
    const clientKey = 'apiKey' in params ? (params.apiKey as string | undefined) : PACT_KEY;
    const { apiKey: _key, ...rest } = params;
    const wire = { ...(clientKey === undefined ? {} : { apiKey: clientKey }), ...rest };
    let interaction = pact.addInteraction();
    if (given) interaction = interaction.given(given[0], given[1] as Record<string, string>);
    await interaction
      .uponReceiving(description)
      .withRequest(route.method, route.path, (request) =>
        route.method === 'GET'
          ? request.query(
              Object.fromEntries(Object.entries(wire).map(([key, value]) => [key, String(value)])),
            )
          : request.jsonBody(wire),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody(failureBody(code, catalogue[code]?.message ?? '')),
      )
      .executeTest(async (server) => {
        const transport = createTransport({
          baseUrl: server.url,
          retry: 0,
          ...(clientKey ? { apiKey: clientKey } : {}),
        });
        await expect(transport.call(route as never, rest as never)).rejects.toMatchObject({
          name: 'SmsPartnerApiError',
          code,
        });
      });
  });
});

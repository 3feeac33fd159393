import { XmlBuilder } from '@pact-foundation/pact';
import { type EndpointName, endpoints, routes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import {
  createSmsPartnerClient,
  createTransport,
  normalizeMessageStatus,
  normalizeStatusList,
} from '../../../src/index.ts';
import { xmlFormat } from '../../../src/xml.ts';
import {
  createPact,
  eachLike,
  failureBody,
  fromProviderState,
  integer,
  JSON_TYPE,
  PACT_KEY,
  regex,
  string,
  XML_TYPE,
} from '../pact.ts';

/**
 * The consumer side of the status and statistics family: each success shape
 * and every documented code. A delivered message comes from the provider
 * state `a message with a delivery status` (sent to +33600000000, its outcome
 * forced, its id chosen by the provider); failures go through the client's
 * transport with raw wire parameters, as a caller of `createTransport` could,
 * since the client's methods never leave out a required field.
 */
const pact = createPact();
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression, not a JS template
const seededId = fromProviderState('${messageId}', '1000');
const delivered = (extra: Record<string, string> = {}) =>
  [
    'a message with a delivery status',
    { apiKey: PACT_KEY, status: 'Delivered', tag: 'promo', ...extra },
  ] as const;
const UNIX = (example: string) => regex('^\\d{1,12}$', example);
const client = (url: string) => createSmsPartnerClient({ baseUrl: url, apiKey: PACT_KEY, retry: 0 });

describe('status contracts: successes', () => {
  test('message-status: a delivered recipient, with the recorded quirks (statut, messageId a string, date in unix seconds)', async () => {
    await pact
      .addInteraction()
      .given(...delivered())
      .uponReceiving('a single status for a delivered recipient')
      .withRequest('GET', '/v1/message-status', (request) =>
        request.query({ apiKey: PACT_KEY, messageId: seededId, phoneNumber: '+33600000000' }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          success: true,
          code: 200,
          number: '+33600000000',
          messageId: regex('^\\d+$', '1000'),
          stopSms: false,
          date: UNIX('1894698000'),
          statut: 'Delivered',
          cost: 0.038,
          countryCode: 'FR',
          currency: 'EUR',
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getMessageStatus({
          messageId: 1000,
          phoneNumber: '+33600000000',
        });
        expect(normalizeMessageStatus(result)).toEqual({
          messageId: '1000',
          phoneNumber: '+33600000000',
          status: 'Delivered',
          found: true,
          at: new Date(1_894_698_000_000),
          stopSms: false,
          cost: 0.038,
          countryCode: 'FR',
          currency: 'EUR',
        });
      });
  });

  test('message-status in XML', async () => {
    const xml = new XmlBuilder('1.0', 'UTF-8', 'result').build((result) => {
      for (const value of [
        'true',
        '200',
        '+33600000000',
        '1000',
        'false',
        '1894698000',
        'Not delivered',
        '0.038',
        'FR',
        'EUR',
      ])
        result.appendElement('entry', new Map(), value);
    });
    await pact
      .addInteraction()
      .given(...delivered({ status: 'Not delivered' }))
      .uponReceiving('a single status for a recipient not delivered, in XML')
      .withRequest('GET', '/v1/message-status', (request) =>
        request.query({ apiKey: PACT_KEY, messageId: seededId, phoneNumber: '+33600000000', _format: 'xml' }),
      )
      .willRespondWith(200, (response) => response.headers(XML_TYPE).xmlBody(xml))
      .executeTest(async (server) => {
        const xmlClient = createSmsPartnerClient({
          baseUrl: server.url,
          apiKey: PACT_KEY,
          format: xmlFormat,
          retry: 0,
        });
        await expect(
          xmlClient.getMessageStatus({ messageId: 1000, phoneNumber: '+33600000000' }),
        ).resolves.toMatchObject({
          statut: 'Not delivered',
          messageId: '1000',
          stopSms: false,
          cost: 0.038,
        });
      });
  });

  test('multi-status: a known pair (messageId a number, stopSms "0") and an unknown one (code 4, Number not found)', async () => {
    await pact
      .addInteraction()
      .given(...delivered())
      .uponReceiving('a multi-status for a delivered pair and an unknown one')
      .withRequest('POST', '/v1/multi-status', (request) =>
        request.jsonBody({
          apiKey: PACT_KEY,
          SMSStatut_List: [
            { phoneNumber: '+33600000000', messageId: integer(1000) },
            { phoneNumber: '+33611111111', messageId: 999999 },
          ],
        }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          success: true,
          code: 200,
          StatutResponse_List: [
            {
              success: true,
              code: 200,
              phoneNumber: '+33600000000',
              messageId: integer(1000),
              status: 'Delivered',
              date: UNIX('1894698000'),
              stopSms: '0',
              isSpam: '0',
            },
            {
              success: false,
              code: 4,
              phoneNumber: '+33611111111',
              messageId: 999999,
              status: string('Number not found'),
            },
          ],
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getMultiStatus({
          SMSStatut_List: [
            { phoneNumber: '+33600000000', messageId: 1000 },
            { phoneNumber: '+33611111111', messageId: 999999 },
          ],
        });
        expect(
          normalizeStatusList(result).map(({ status, found, stopSms }) => ({ status, found, stopSms })),
        ).toEqual([
          { status: 'Delivered', found: true, stopSms: false },
          { status: 'Number not found', found: false, stopSms: false },
        ]);
      });
  });

  test('bulk-status: every recipient (message_id a string, stopSMS a boolean)', async () => {
    await pact
      .addInteraction()
      .given(...delivered())
      .uponReceiving('a bulk status for a delivered message')
      .withRequest('GET', '/v1/bulk-status', (request) =>
        request.query({ apiKey: PACT_KEY, messageId: seededId }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          success: true,
          code: 200,
          message_id: regex('^\\d+$', '1000'),
          StatutResponse_List: eachLike({
            phoneNumber: string('+33600000000'),
            status: 'Delivered',
            stopSMS: false,
            date: UNIX('1894698000'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getBulkStatus({ messageId: 1000 });
        expect(normalizeStatusList(result)[0]).toMatchObject({
          messageId: '1000',
          status: 'Delivered',
          stopSms: false,
        });
      });
  });

  test('bulk-status-by-tag: a page of recipients', async () => {
    await pact
      .addInteraction()
      .given(...delivered())
      .uponReceiving('a status by tag')
      .withRequest('GET', '/v1/bulk-status-by-tag', (request) =>
        request.query({ apiKey: PACT_KEY, tag: 'promo' }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          success: true,
          code: 200,
          currentPage: 1,
          total: integer(1),
          StatutResponse_List: eachLike({
            phoneNumber: string('+33600000000'),
            status: 'Delivered',
            stopSMS: false,
            date: UNIX('1894698000'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getStatusByTag({ tag: 'promo' });
        expect(normalizeStatusList(result)[0]).toMatchObject({ messageId: undefined, status: 'Delivered' });
      });
  });

  test('statistics: month by month, no code key', async () => {
    await pact
      .addInteraction()
      .given(...delivered())
      .uponReceiving('sending statistics over a custom interval')
      .withRequest('GET', '/v1/statistics/cost-resume', (request) =>
        request.query({ apiKey: PACT_KEY, interval: 'custom', from: '01-01-2030', to: '31-01-2030' }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          success: true,
          datas: eachLike({
            month: string('january'),
            year: string('2030'),
            m: regex('^\\d{2}$', '01'),
            date: integer(1893452400),
            type: 'month',
            cost: regex('^\\d+\\.\\d{3}$', '0.038'),
            nb_send: regex('^\\d+$', '1'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const result = await client(server.url).getSendingStatistics({
          interval: 'custom',
          from: '01-01-2030',
          to: '31-01-2030',
        });
        expect(result.datas[0]).toMatchObject({ type: 'month', year: '2030' });
      });
  });
});

type StatusName =
  | 'getMessageStatus'
  | 'getMultiStatus'
  | 'getBulkStatus'
  | 'getStatusByTag'
  | 'getSendingStatistics';
const ipState = ['an account with settings', { apiKey: PACT_KEY, allowedIps: ['192.0.2.1'] }] as const;
const credits = ['an account with credits', { apiKey: PACT_KEY }] as const;
const pair = { phoneNumber: '+33600000000', messageId: 1000 };

/** [endpoint, code, description, provider state, wire parameters (without apiKey unless given)]. */
const failures: [
  StatusName,
  number,
  string,
  readonly [string, Record<string, unknown>] | undefined,
  Record<string, unknown>,
][] = [
  [
    'getMessageStatus',
    1,
    'a single status without an apiKey',
    undefined,
    { apiKey: undefined, messageId: 1000, phoneNumber: '+33600000000' },
  ],
  ['getMessageStatus', 2, 'a single status without a phoneNumber', credits, { messageId: 1000 }],
  ['getMessageStatus', 3, 'a single status without a messageId', credits, { phoneNumber: '+33600000000' }],
  [
    'getMessageStatus',
    4,
    'a single status for an unknown message',
    credits,
    { messageId: 999999, phoneNumber: '+33600000000' },
  ],
  [
    'getMessageStatus',
    9,
    'a single status for a number that is not one',
    credits,
    { messageId: 1000, phoneNumber: '922264' },
  ],
  [
    'getMessageStatus',
    10,
    'a single status with an unknown apiKey',
    undefined,
    { apiKey: 'not-a-configured-key', messageId: 1000, phoneNumber: '+33600000000' },
  ],
  [
    'getMessageStatus',
    96,
    'a single status from an IP address not allowed',
    ipState,
    { messageId: 1000, phoneNumber: '+33600000000' },
  ],
  [
    'getMultiStatus',
    1,
    'a multi-status without an apiKey',
    undefined,
    { apiKey: undefined, SMSStatut_List: [pair] },
  ],
  [
    'getMultiStatus',
    2,
    'a multi-status pair without its number',
    credits,
    { SMSStatut_List: [{ messageId: 1000 }] },
  ],
  [
    'getMultiStatus',
    3,
    'a multi-status pair without its id',
    credits,
    { SMSStatut_List: [{ phoneNumber: '+33600000000' }] },
  ],
  ['getMultiStatus', 5, 'a multi-status with an empty list', credits, { SMSStatut_List: [] }],
  ['getMultiStatus', 6, 'a multi-status whose list is not one', credits, { SMSStatut_List: 'x' }],
  [
    'getMultiStatus',
    9,
    'a multi-status for a number that is not one',
    credits,
    { SMSStatut_List: [{ phoneNumber: '922264', messageId: 1000 }] },
  ],
  [
    'getMultiStatus',
    10,
    'a multi-status with an unknown apiKey',
    undefined,
    { apiKey: 'not-a-configured-key', SMSStatut_List: [pair] },
  ],
  [
    'getMultiStatus',
    50,
    'a multi-status of 501 pairs',
    credits,
    { SMSStatut_List: Array.from({ length: 501 }, () => pair) },
  ],
  [
    'getMultiStatus',
    96,
    'a multi-status from an IP address not allowed',
    ipState,
    { SMSStatut_List: [pair] },
  ],
  ['getBulkStatus', 1, 'a bulk status without an apiKey', undefined, { apiKey: undefined, messageId: 1000 }],
  ['getBulkStatus', 3, 'a bulk status without a messageId', credits, {}],
  ['getBulkStatus', 4, 'a bulk status for an unknown message', credits, { messageId: 999999 }],
  [
    'getBulkStatus',
    10,
    'a bulk status with an unknown apiKey',
    undefined,
    { apiKey: 'not-a-configured-key', messageId: 1000 },
  ],
  ['getBulkStatus', 96, 'a bulk status from an IP address not allowed', ipState, { messageId: 1000 }],
  ['getStatusByTag', 1, 'a status by tag without an apiKey', undefined, { apiKey: undefined, tag: 'promo' }],
  ['getStatusByTag', 3, 'a status by tag without a tag', credits, {}],
  ['getStatusByTag', 4, 'a status by tag no message carries', credits, { tag: 'nothing' }],
  [
    'getStatusByTag',
    10,
    'a status by tag with an unknown apiKey',
    undefined,
    { apiKey: 'not-a-configured-key', tag: 'promo' },
  ],
  ['getStatusByTag', 96, 'a status by tag from an IP address not allowed', ipState, { tag: 'promo' }],
  [
    'getSendingStatistics',
    1,
    'statistics without an apiKey',
    undefined,
    { apiKey: undefined, interval: 'last_month' },
  ],
  ['getSendingStatistics', 9, 'statistics with an unknown interval', credits, { interval: 'yesterday' }],
  [
    'getSendingStatistics',
    10,
    'statistics with an unknown apiKey',
    undefined,
    { apiKey: 'not-a-configured-key', interval: 'last_month' },
  ],
  [
    'getSendingStatistics',
    429,
    'statistics past 5 requests in a minute',
    ['the rate limit is reached', { apiKey: PACT_KEY, endpoint: 'getSendingStatistics' }],
    { interval: 'last_month' },
  ],
];

describe('status contracts: every code', () => {
  test('every code of the five catalogues has an interaction (4 of multi-status: per item, above)', () => {
    for (const name of [
      'getMessageStatus',
      'getMultiStatus',
      'getBulkStatus',
      'getStatusByTag',
      'getSendingStatistics',
    ] as const) {
      const covered = new Set(failures.filter(([endpoint]) => endpoint === name).map(([, code]) => code));
      const expected = Object.keys(endpoints[name].codes)
        .map(Number)
        .filter((code) => !(name === 'getMultiStatus' && code === 4));
      expect(
        [...covered].sort((a, b) => a - b),
        name,
      ).toEqual(expected.sort((a, b) => a - b));
    }
  });

  test.each(failures)('%s code %i: %s', async (name, code, description, given, params) => {
    const route = routes[name as EndpointName];
    const catalogue = route.codes as Record<number, { message: string; httpStatus?: number }>;
    const keyGiven = 'apiKey' in params;
    const clientKey = keyGiven ? (params.apiKey as string | undefined) : PACT_KEY;
    const { apiKey: _key, ...rest } = params;
    const wire = { ...(clientKey === undefined ? {} : { apiKey: clientKey }), ...rest };
    let interaction = pact.addInteraction();
    if (given) interaction = interaction.given(given[0], given[1] as Record<string, string>);
    const status = catalogue[code]?.httpStatus ?? 200;
    await interaction
      .uponReceiving(description)
      .withRequest(route.method, route.path, (request) =>
        route.method === 'GET'
          ? request.query(
              Object.fromEntries(Object.entries(wire).map(([key, value]) => [key, String(value)])),
            )
          : request.jsonBody(wire),
      )
      .willRespondWith(status, (response) =>
        response
          .headers(status === 429 ? { ...JSON_TYPE, 'Retry-After': regex('^\\d+$', '60') } : JSON_TYPE)
          .jsonBody(
            name === 'getSendingStatistics' && code === 9
              ? // The validation list, as the send family's code 9 (a decision: the page documents no such code).
                {
                  success: false,
                  code,
                  error: eachLike({ elementId: string('children[interval].data'), message: string('…') }),
                }
              : failureBody(code, catalogue[code]?.message ?? ''),
          ),
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

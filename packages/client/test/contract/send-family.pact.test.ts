import { XmlBuilder } from '@pact-foundation/pact';
import { creditsCodes, sendSmsCodes, sendSmsRoute } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import {
  createSmsPartnerClient,
  createTransport,
  type SmsPartnerClient,
  type SmsPartnerTransport,
} from '../../src/index.ts';
import { xmlFormat } from '../../src/xml.ts';
import {
  createPact,
  decimal,
  failureBody,
  integer,
  JSON_TYPE,
  PACT_KEY,
  regex,
  SEND_RECEIPT,
  string,
  XML_TYPE,
} from './pact.ts';

/**
 * The consumer side of the send family and credits: every success shape and
 * every code the client can provoke. Accounts are built by the provider state
 * `an account with settings`, whose parameters are the mock's account settings
 * (status, allow-list, STOP list, marketing…); the state's clock is Tuesday
 * 15/01/2030, 10:00 in Paris. The client's methods never write a malformed
 * schedule (45–49), so those interactions go through its transport with raw
 * wire parameters, as a caller of `createTransport` could; 90 (a body that is
 * not JSON) cannot come from the client at all and is proven over HTTP in the
 * mock's own tests.
 */
const pact = createPact();
const settings = (extra: Record<string, unknown> = {}) =>
  ['an account with settings', { apiKey: PACT_KEY, ...extra }] as const;

/** Drives the client; the transport is the same client's HTTP layer, for raw wire parameters. */
type Call = (client: SmsPartnerClient, transport: SmsPartnerTransport) => Promise<unknown>;
interface Case {
  description: string;
  given: readonly [string, Record<string, unknown>] | undefined;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  code: number;
  call: Call;
  /** The key the client sends (default: the state's account). */
  clientKey?: string;
}

const send = (body: Record<string, unknown>) => ({
  method: 'POST' as const,
  path: '/v1/send',
  body: { apiKey: PACT_KEY, ...body },
});
const sendCall =
  (input: Parameters<SmsPartnerClient['sendSms']>[0]): Call =>
  (client) =>
    client.sendSms(input);
const hello = { phoneNumbers: '+33600000000', message: 'Hello' };

const failures: Case[] = [
  {
    description: 'a send with an empty number list',
    given: settings(),
    ...send({ phoneNumbers: '', message: 'Hello' }),
    code: 2,
    call: sendCall({ phoneNumbers: '', message: 'Hello' }),
  },
  {
    description: 'a send from an unknown key',
    given: undefined,
    ...send(hello),
    body: { apiKey: 'not-a-configured-key', ...hello },
    code: 10,
    call: sendCall(hello),
    clientKey: 'not-a-configured-key',
  },
  {
    description: 'a send from an account without credits',
    given: settings({ credits: 0 }),
    ...send(hello),
    code: 11,
    call: sendCall(hello),
  },
  {
    description: 'a send to a destination without a price',
    given: settings(),
    ...send({ phoneNumbers: '+12025550123', message: 'Hello' }),
    code: 13,
    call: sendCall({ phoneNumbers: '+12025550123', message: 'Hello' }),
  },
  {
    description: 'a send to a number on the STOP list',
    given: settings({ stopList: ['+33600000000'] }),
    ...send(hello),
    code: 14,
    call: sendCall(hello),
  },
  {
    description: 'a send from a deactivated account',
    given: settings({ status: 'disabled' }),
    ...send(hello),
    code: 20,
    call: sendCall(hello),
  },
  {
    description: 'a marketing send scheduled at 20:00 Paris',
    given: settings({ marketing: true }),
    ...send({ ...hello, scheduledDeliveryDate: '15/01/2030', time: 20, minute: 0 }),
    code: 22,
    call: sendCall({ ...hello, scheduledAt: '2030-01-15T19:00:00Z' }),
  },
  {
    description: 'a marketing send scheduled on a Sunday',
    given: settings({ marketing: true }),
    ...send({ ...hello, scheduledDeliveryDate: '20/01/2030', time: 10, minute: 0 }),
    code: 23,
    call: sendCall({ ...hello, scheduledAt: '2030-01-20T09:00:00Z' }),
  },
  {
    description: 'a send from a blocked account',
    given: settings({ status: 'blocked' }),
    ...send(hello),
    code: 30,
    call: sendCall(hello),
  },
  {
    description: 'a send from an account without API access',
    given: settings({ apiAccess: false }),
    ...send(hello),
    code: 40,
    call: sendCall(hello),
  },
  {
    description: 'a Low Cost send of 161 characters',
    given: settings(),
    ...send({ phoneNumbers: '+33600000000', message: 'a'.repeat(161), gamme: 2 }),
    code: 42,
    call: sendCall({ phoneNumbers: '+33600000000', message: 'a'.repeat(161), gamme: 2 }),
  },
  {
    description: 'a send with a blank message',
    given: settings(),
    ...send({ phoneNumbers: '+33600000000', message: '   ' }),
    code: 43,
    call: sendCall({ phoneNumbers: '+33600000000', message: '   ' }),
  },
  {
    description: 'a send with a sender holding special characters',
    given: settings(),
    ...send({ ...hello, sender: 'Shop!' }),
    code: 44,
    call: sendCall({ ...hello, sender: 'Shop!' }),
  },
  ...(
    [
      [45, 'a send with a time but no date', { time: 10, minute: 0 }],
      [46, 'a send scheduled at hour 25', { scheduledDeliveryDate: '15/01/2030', time: 25, minute: 0 }],
      [47, 'a send scheduled at minute 60', { scheduledDeliveryDate: '15/01/2030', time: 10, minute: 60 }],
      [48, 'a send scheduled at minute 7', { scheduledDeliveryDate: '15/01/2030', time: 10, minute: 7 }],
      [49, 'a send scheduled on 31/02/2030', { scheduledDeliveryDate: '31/02/2030', time: 10, minute: 0 }],
    ] as const
  ).map(
    ([code, description, schedule]): Case => ({
      description,
      given: settings(),
      ...send({ ...hello, ...schedule }),
      code,
      call: (_client, transport) => transport.call(sendSmsRoute, { ...hello, ...schedule }),
    }),
  ),
  {
    description: 'a send to 501 numbers',
    given: settings(),
    ...send({ phoneNumbers: Array(501).fill('0600000000').join(','), message: 'Hello' }),
    code: 50,
    call: sendCall({ phoneNumbers: Array(501).fill('0600000000'), message: 'Hello' }),
  },
  {
    description: 'a Low Cost send from an account not eligible',
    given: settings({ lowCost: false }),
    ...send({ ...hello, gamme: 2 }),
    code: 51,
    call: sendCall({ ...hello, gamme: 2 }),
  },
  {
    description: 'a send of 11 parts',
    given: settings(),
    ...send({ phoneNumbers: '+33600000000', message: 'a'.repeat(1531) }),
    code: 52,
    call: sendCall({ phoneNumbers: '+33600000000', message: 'a'.repeat(1531) }),
  },
  {
    description: 'a send whose number list holds only commas',
    given: settings(),
    ...send({ phoneNumbers: ',', message: 'Hello' }),
    code: 55,
    call: sendCall({ phoneNumbers: ',', message: 'Hello' }),
  },
  {
    description: 'a send from an IP outside the allow-list',
    given: settings({ allowedIps: ['10.0.0.1'] }),
    ...send(hello),
    code: 96,
    call: sendCall(hello),
  },
  {
    description: 'a send while the queue fails (injected)',
    given: ['a fault is injected', { apiKey: PACT_KEY, endpoint: 'sendSms' }],
    ...send(hello),
    code: 500,
    call: sendCall(hello),
  },
  {
    description: 'a long-number send from a number the account does not rent',
    given: settings({ virtualNumbers: ['33700000000'] }),
    method: 'POST',
    path: '/v1/vn/send',
    body: { apiKey: PACT_KEY, to: '0600000000', from: '33799999999', message: 'Hello' },
    code: 992,
    call: (client) => client.sendVnSms({ to: '0600000000', from: '33799999999', message: 'Hello' }),
  },
  {
    description: 'a survey that does not exist',
    given: settings(),
    method: 'POST',
    path: '/v1/sondage/to/send',
    body: { apiKey: PACT_KEY, phoneNumbers: '0600000000', sondageIdent: 'NOPE' },
    code: 4,
    call: (client) => client.sendSurvey({ phoneNumbers: '0600000000', sondageIdent: 'NOPE' }),
  },
  {
    description: 'a credits request from a blocked account',
    given: settings({ status: 'blocked' }),
    method: 'GET',
    path: '/v1/me',
    query: { apiKey: PACT_KEY },
    code: 30,
    call: (client) => client.getCredits(),
  },
];

function catalogueMessage(path: string, code: number): string {
  const catalogue = path === '/v1/me' ? creditsCodes : sendSmsCodes;
  return (catalogue as Record<number, { message: string }>)[code]?.message ?? '';
}

describe('send family and credits: failures', () => {
  test.each(failures.map((entry) => [entry.code, entry.description, entry] as const))(
    'code %i: %s',
    async (code, description, entry) => {
      let interaction = pact.addInteraction();
      if (entry.given)
        interaction = interaction.given(entry.given[0], entry.given[1] as Record<string, string>);
      await interaction
        .uponReceiving(description)
        .withRequest(entry.method, entry.path, (request) => {
          if (entry.query) request.query(entry.query);
          if (entry.body) request.jsonBody(entry.body);
        })
        .willRespondWith(200, (response) =>
          response.headers(JSON_TYPE).jsonBody(failureBody(code, catalogueMessage(entry.path, code))),
        )
        .executeTest(async (server) => {
          const options = { baseUrl: server.url, apiKey: entry.clientKey ?? PACT_KEY, retry: 0 };
          const call = entry.call(createSmsPartnerClient(options), createTransport(options));
          await expect(call).rejects.toMatchObject({ name: 'SmsPartnerApiError', code });
        });
    },
  );
});

describe('send family and credits: success shapes', () => {
  test('bulk send: per-item results, one failing item', async () => {
    await pact
      .addInteraction()
      .given(...settings())
      .uponReceiving('a bulk send of two items, one with an invalid number')
      .withRequest('POST', '/v1/bulk-send', (request) =>
        request.jsonBody({
          apiKey: PACT_KEY,
          SMSList: [
            { phoneNumber: '0600000001', message: 'Hello Ann' },
            { phoneNumber: '922264', message: 'Hello Bob' },
          ],
        }),
      )
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody({
          success: true,
          code: 200,
          message_id: integer(1000),
          currency: string('EUR'),
          cost: decimal(0.038),
          nbSMS: integer(1),
          SMSResponse_List: [
            {
              success: true,
              code: 200,
              nbSms: integer(1),
              cost: decimal(0.038),
              phoneNumber: '+33600000001',
            },
            {
              success: false,
              code: 9,
              nbSms: 0,
              cost: 0,
              phoneNumber: '922264',
              message: string('At least one constraint was not respected'),
            },
          ],
        }),
      )
      .executeTest(async (server) => {
        const client = createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY });
        const batch = await client.sendBulkSms({
          messages: [
            { phoneNumber: '0600000001', message: 'Hello Ann' },
            { phoneNumber: '922264', message: 'Hello Bob' },
          ],
        });
        expect(batch.SMSResponse_List.map((item) => item.code)).toEqual([200, 9]);
      });
  });

  test('bulk send, answering in XML', async () => {
    const xml = new XmlBuilder('1.0', 'UTF-8', 'result').build((result) => {
      for (const value of ['true', '200', '1000', 'EUR', '0.076', '2'])
        result.appendElement('entry', new Map(), value);
      result.appendElement('entry', new Map(), (list) => {
        for (const number of ['+33600000001', '+33600000002']) {
          list.appendElement('entry', new Map(), (item) => {
            for (const value of ['true', '200', '1', '0.038', number])
              item.appendElement('entry', new Map(), value);
          });
        }
      });
    });
    await pact
      .addInteraction()
      .given(...settings())
      .uponReceiving('a bulk send of two items asking for XML')
      .withRequest('POST', '/v1/bulk-send', (request) =>
        request.jsonBody({
          apiKey: PACT_KEY,
          SMSList: [
            { phoneNumber: '0600000001', message: 'Hello Ann' },
            { phoneNumber: '0600000002', message: 'Hello Bob' },
          ],
          _format: 'xml',
        }),
      )
      .willRespondWith(200, (response) => response.headers(XML_TYPE).xmlBody(xml))
      .executeTest(async (server) => {
        const client = createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY, format: xmlFormat });
        const batch = await client.sendBulkSms({
          messages: [
            { phoneNumber: '0600000001', message: 'Hello Ann' },
            { phoneNumber: '0600000002', message: 'Hello Bob' },
          ],
        });
        expect(batch).toEqual({
          success: true,
          code: 200,
          message_id: 1000,
          currency: 'EUR',
          cost: 0.076,
          nbSMS: 2,
          SMSResponse_List: [
            { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33600000001' },
            { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33600000002' },
          ],
        });
      });
  });

  test('single send, answering in XML', async () => {
    const xml = new XmlBuilder('1.0', 'UTF-8', 'result').build((result) => {
      for (const value of ['true', '200', '1000', '1', '0.038', 'EUR'])
        result.appendElement('entry', new Map(), value);
    });
    await pact
      .addInteraction()
      .given(...settings())
      .uponReceiving('an immediate send asking for XML')
      .withRequest('POST', '/v1/send', (request) =>
        request.jsonBody({ apiKey: PACT_KEY, ...hello, _format: 'xml' }),
      )
      .willRespondWith(200, (response) => response.headers(XML_TYPE).xmlBody(xml))
      .executeTest(async (server) => {
        const client = createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY, format: xmlFormat });
        await expect(client.sendSms(hello)).resolves.toEqual({
          success: true,
          code: 200,
          message_id: 1000,
          nb_sms: 1,
          cost: 0.038,
          currency: 'EUR',
        });
      });
  });

  test.each([
    [
      'a send by long number',
      '/v1/vn/send',
      { to: '0600000000', from: '33700000000', message: 'Hello' },
      (client: SmsPartnerClient) =>
        client.sendVnSms({ to: '0600000000', from: '33700000000', message: 'Hello' }),
    ],
    [
      'a survey send',
      '/v1/sondage/to/send',
      { phoneNumbers: '0600000000', sondageIdent: 'SURVEY-1' },
      (client: SmsPartnerClient) =>
        client.sendSurvey({ phoneNumbers: '0600000000', sondageIdent: 'SURVEY-1' }),
    ],
    [
      'a Low Cost send',
      '/v1/send',
      { ...hello, gamme: 2 },
      (client: SmsPartnerClient) => client.sendSms({ ...hello, gamme: 2 }),
    ],
    [
      'a marketing send at 10:00 on a Tuesday, STOP mention added',
      '/v1/send',
      hello,
      (client: SmsPartnerClient) => client.sendSms(hello),
    ],
  ] as const)('%s', async (description, path, body, call) => {
    const given = settings({
      virtualNumbers: ['33700000000'],
      surveys: { 'SURVEY-1': 'Rate us from 1 to 5' },
      marketing: description.includes('marketing'),
    });
    await pact
      .addInteraction()
      .given(given[0], given[1] as Record<string, string>)
      .uponReceiving(description)
      .withRequest('POST', path, (request) => request.jsonBody({ apiKey: PACT_KEY, ...body }))
      .willRespondWith(200, (response) => response.headers(JSON_TYPE).jsonBody(SEND_RECEIPT))
      .executeTest(async (server) => {
        const result = await call(createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY }));
        expect(result).toMatchObject({ success: true, code: 200 });
      });
  });

  test('a marketing send at 20:00 is held until 08:00 the next working day', async () => {
    await pact
      .addInteraction()
      .given('an account with settings', {
        apiKey: PACT_KEY,
        marketing: true,
        clock: '2030-01-15T19:00:00Z',
      } as Record<string, string | boolean>)
      .uponReceiving('an immediate marketing send at 20:00 Paris')
      .withRequest('POST', '/v1/send', (request) => request.jsonBody({ apiKey: PACT_KEY, ...hello }))
      .willRespondWith(200, (response) =>
        response
          .headers(JSON_TYPE)
          .jsonBody({ ...SEND_RECEIPT, scheduledDeliveryDate: '2030-01-16 08:00:00' }),
      )
      .executeTest(async (server) => {
        const sent = await createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY }).sendSms(hello);
        expect(sent.scheduledDeliveryDate).toBe('2030-01-16 08:00:00');
      });
  });

  const creditsBody = {
    success: true,
    code: 200,
    user: { username: string('pact@example.test') },
    credits: {
      creditSms: integer(100),
      creditSmsECO: integer(165),
      creditHlr: integer(0),
      toSend: integer(0),
      solde: regex('^\\d+\\.\\d{3}$', '3.800'),
      currency: 'EUR',
      balance: regex('^\\d+\\.\\d{3}$', '3.800'),
    },
  };

  test('credits', async () => {
    await pact
      .addInteraction()
      .given(...settings({ username: 'pact@example.test' }))
      .uponReceiving('a credits request')
      .withRequest('GET', '/v1/me', (request) => request.query({ apiKey: PACT_KEY }))
      .willRespondWith(200, (response) => response.headers(JSON_TYPE).jsonBody(creditsBody))
      .executeTest(async (server) => {
        const me = await createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY }).getCredits();
        expect(me.credits).toMatchObject({ creditSms: 100, currency: 'EUR' });
      });
  });

  test('credits, answering in XML (the user block keeps its element names)', async () => {
    const xml = new XmlBuilder('1.0', 'UTF-8', 'result').build((result) => {
      result.appendElement('entry', new Map(), 'true');
      result.appendElement('entry', new Map(), '200');
      result.appendElement('entry', new Map(), (user) =>
        user.appendElement('username', new Map(), 'pact@example.test'),
      );
      result.appendElement('entry', new Map(), (credits) => {
        for (const value of ['100', '165', '0', '0', '3.800', 'EUR', '3.800'])
          credits.appendElement('entry', new Map(), value);
      });
    });
    await pact
      .addInteraction()
      .given(...settings({ username: 'pact@example.test' }))
      .uponReceiving('a credits request asking for XML')
      .withRequest('GET', '/v1/me', (request) => request.query({ apiKey: PACT_KEY, _format: 'xml' }))
      .willRespondWith(200, (response) => response.headers(XML_TYPE).xmlBody(xml))
      .executeTest(async (server) => {
        const me = await createSmsPartnerClient({
          baseUrl: server.url,
          apiKey: PACT_KEY,
          format: xmlFormat,
        }).getCredits();
        expect(me).toEqual({
          success: true,
          code: 200,
          user: { username: 'pact@example.test' },
          credits: {
            creditSms: 100,
            creditSmsECO: 165,
            creditHlr: 0,
            toSend: 0,
            solde: '3.800',
            currency: 'EUR',
            balance: '3.800',
          },
        });
      });
  });
});

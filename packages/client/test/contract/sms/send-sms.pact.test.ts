import { sendSmsRoute } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import {
  createSmsPartnerClient,
  createTransport,
  type SendSmsInput,
  type SmsPartnerClient,
  type SmsPartnerTransport,
} from '../../../src/index.ts';
import { xmlFormat } from '../../../src/xml.ts';
import { type CodeOf, endpointContract, type InteractionSpec } from '../endpoint-contract.ts';
import { createPact, decimal, eachLike, integer, PACT_KEY, regex, string } from '../pact.ts';

/**
 * The consumer side of the single send: what the client sends, the answers it
 * relies on, and every code the client can provoke. Accounts are built by the
 * provider state `an account with settings`, whose parameters are the mock's
 * account settings (status, allow-list, STOP list, marketing…); the state's
 * clock is Tuesday 15/01/2030, 10:00 in Paris. The client's method never
 * writes a malformed schedule (45–49), so those interactions go through its
 * transport with raw wire parameters, as a caller of `createTransport` could;
 * 90 (a body that is not JSON) cannot come from the client at all and is
 * proven over HTTP in the mock's own tests.
 */
const pact = createPact();
const send = endpointContract('sendSms');

/** The answer to an immediate send: the registry example's, without the schedule echo. */
const { scheduledDeliveryDate: _echo, ...receipt } = send.exampleAnswer;
const { scheduledDeliveryDate: _echoed, ...receiptResult } = send.exampleResult;

const hello = { phoneNumbers: '+33600000000', message: 'Hello' };
const client = (url: string, apiKey = PACT_KEY) => createSmsPartnerClient({ baseUrl: url, apiKey, retry: 0 });

describe('single send contract', () => {
  test('the registry example: a send scheduled in Paris time, the date echoed', async () => {
    await send
      .interaction(pact, { description: 'the documented example send', given: ['an account with credits'] })
      .willRespondWith(200, send.answer())
      .executeTest(async (server) => {
        const { phoneNumbers, message, sender } = send.exampleParams;
        // 07:00 UTC is 09:00 in Paris on 21/10/2030 (summer time): the example's date, time and minute.
        const sent = await client(server.url).sendSms({
          phoneNumbers,
          message,
          sender,
          scheduledAt: new Date('2030-10-21T07:00:00Z'),
        });
        expect(sent).toEqual(send.exampleResult);
      });
  });

  test('sends now', async () => {
    await send
      .interaction(pact, {
        description: 'an immediate send to one French number',
        given: ['an account with credits'],
        params: { phoneNumbers: '+33600000000', message: 'Your code is 1234' },
        headers: { 'Content-Type': regex('application/json(;.*)?', 'application/json') },
      })
      .willRespondWith(200, send.answer(receipt))
      .executeTest(async (server) => {
        const sent = await client(server.url).sendSms({
          phoneNumbers: '+33600000000',
          message: 'Your code is 1234',
        });
        expect(sent).toEqual(receiptResult);
      });
  });

  test('schedules in Paris time and gets the date echoed', async () => {
    await send
      .interaction(pact, {
        description: 'a send scheduled for 21/10/2030 at 09:00 Paris time, to two numbers',
        given: ['an account with credits'],
        params: {
          phoneNumbers: '0600000000,+33611111111',
          message: 'Reminder: appointment tomorrow',
          scheduledDeliveryDate: '21/10/2030',
          time: 9,
          minute: 0,
        },
      })
      .willRespondWith(
        200,
        send.answer({
          ...receipt,
          nb_sms: integer(2),
          cost: decimal(0.076),
          scheduledDeliveryDate: regex('^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$', '2030-10-21 09:00:00'),
        }),
      )
      .executeTest(async (server) => {
        const sent = await client(server.url).sendSms({
          phoneNumbers: ['0600000000', '+33611111111'],
          message: 'Reminder: appointment tomorrow',
          scheduledAt: new Date('2030-10-21T07:00:00Z'),
        });
        expect(sent).toMatchObject({ nb_sms: 2, scheduledDeliveryDate: '2030-10-21 09:00:00' });
      });
  });

  test('code 9: an invalid number, with the per-field list', async () => {
    await send
      .interaction(pact, {
        description: 'a send to a number that is not valid',
        given: ['an account with credits'],
        params: { phoneNumbers: '922264', message: 'Hello' },
      })
      .willRespondWith(
        200,
        send.answer({
          success: false,
          code: 9,
          error: eachLike({
            elementId: 'children[phoneNumbers].data',
            message: string('This phone number is not valid (922264)'),
          }),
        }),
      )
      .executeTest(async (server) => {
        await expect(
          client(server.url).sendSms({ phoneNumbers: '922264', message: 'Hello' }),
        ).rejects.toMatchObject({
          name: 'SmsPartnerApiError',
          code: 9,
          errors: [
            { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (922264)' },
          ],
        });
      });
  });

  test('answering in XML', async () => {
    // The provider's first message id; the rest is the registry example's immediate answer.
    const answered = { ...receiptResult, message_id: 1000 };
    await send
      .interaction(pact, {
        description: 'an immediate send asking for XML',
        given: ['an account with settings'],
        params: { ...hello, _format: 'xml' },
      })
      .willRespondWith(200, send.xmlAnswer(answered))
      .executeTest(async (server) => {
        const sms = createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY, format: xmlFormat });
        await expect(sms.sendSms(hello)).resolves.toEqual(answered);
      });
  });

  test.each([
    { description: 'a Low Cost send', settings: {}, input: { ...hello, gamme: 2 as const } },
    {
      description: 'a marketing send at 10:00 on a Tuesday, STOP mention added',
      settings: { marketing: true },
      input: hello,
    },
  ])('$description', async ({ description, settings, input }) => {
    await send
      .interaction(pact, { description, given: ['an account with settings', settings], params: input })
      .willRespondWith(200, send.answer(receipt))
      .executeTest(async (server) => {
        await expect(client(server.url).sendSms(input)).resolves.toMatchObject({ success: true, code: 200 });
      });
  });

  test('a marketing send at 20:00 is held until 08:00 the next working day', async () => {
    await send
      .interaction(pact, {
        description: 'an immediate marketing send at 20:00 Paris',
        given: ['an account with settings', { marketing: true, clock: '2030-01-15T19:00:00Z' }],
        params: hello,
      })
      .willRespondWith(200, send.answer({ ...receipt, scheduledDeliveryDate: '2030-01-16 08:00:00' }))
      .executeTest(async (server) => {
        const sent = await client(server.url).sendSms(hello);
        expect(sent.scheduledDeliveryDate).toBe('2030-01-16 08:00:00');
      });
  });
});

/** Drives the client; the transport is the same client's HTTP layer, for raw wire parameters. */
type Call = (client: SmsPartnerClient, transport: SmsPartnerTransport) => Promise<unknown>;
interface Failure extends InteractionSpec<'sendSms'> {
  readonly code: CodeOf<'sendSms'>;
  readonly params: object;
  readonly call: Call;
}

const sendCall =
  (input: SendSmsInput): Call =>
  (sms) =>
    sms.sendSms(input);
/** A case whose client input is its wire body (phoneNumbers a string, no schedule, no flags). */
const asSent = (
  description: string,
  code: CodeOf<'sendSms'>,
  params: SendSmsInput & { readonly phoneNumbers: string },
  settings: Record<string, unknown> = {},
): Failure => ({
  description,
  code,
  given: ['an account with settings', settings],
  params,
  call: sendCall(params),
});

const failures: Failure[] = [
  asSent('a send with an empty number list', 2, { phoneNumbers: '', message: 'Hello' }),
  {
    description: 'a send from an unknown key',
    code: 10,
    apiKey: 'not-a-configured-key',
    params: hello,
    call: sendCall(hello),
  },
  asSent('a send from an account without credits', 11, hello, { credits: 0 }),
  asSent('a send to a destination without a price', 13, { phoneNumbers: '+12025550123', message: 'Hello' }),
  asSent('a send to a number on the STOP list', 14, hello, { stopList: ['+33600000000'] }),
  asSent('a send from a deactivated account', 20, hello, { status: 'disabled' }),
  {
    description: 'a marketing send scheduled at 20:00 Paris',
    code: 22,
    given: ['an account with settings', { marketing: true }],
    params: { ...hello, scheduledDeliveryDate: '15/01/2030', time: 20, minute: 0 },
    call: sendCall({ ...hello, scheduledAt: '2030-01-15T19:00:00Z' }),
  },
  {
    description: 'a marketing send scheduled on a Sunday',
    code: 23,
    given: ['an account with settings', { marketing: true }],
    params: { ...hello, scheduledDeliveryDate: '20/01/2030', time: 10, minute: 0 },
    call: sendCall({ ...hello, scheduledAt: '2030-01-20T09:00:00Z' }),
  },
  asSent('a send from a blocked account', 30, hello, { status: 'blocked' }),
  asSent('a send from an account without API access', 40, hello, { apiAccess: false }),
  asSent('a Low Cost send of 161 characters', 42, { ...hello, message: 'a'.repeat(161), gamme: 2 }),
  asSent('a send with a blank message', 43, { ...hello, message: '   ' }),
  asSent('a send with a sender holding special characters', 44, { ...hello, sender: 'Shop!' }),
  ...(
    [
      [45, 'a send with a time but no date', { time: 10, minute: 0 }],
      [46, 'a send scheduled at hour 25', { scheduledDeliveryDate: '15/01/2030', time: 25, minute: 0 }],
      [47, 'a send scheduled at minute 60', { scheduledDeliveryDate: '15/01/2030', time: 10, minute: 60 }],
      [48, 'a send scheduled at minute 7', { scheduledDeliveryDate: '15/01/2030', time: 10, minute: 7 }],
      [49, 'a send scheduled on 31/02/2030', { scheduledDeliveryDate: '31/02/2030', time: 10, minute: 0 }],
    ] as const
  ).map(
    ([code, description, schedule]): Failure => ({
      description,
      code,
      given: ['an account with settings'],
      params: { ...hello, ...schedule },
      call: (_client, transport) => transport.call(sendSmsRoute, { ...hello, ...schedule }),
    }),
  ),
  {
    description: 'a send to 501 numbers',
    code: 50,
    given: ['an account with settings'],
    params: { phoneNumbers: Array(501).fill('0600000000').join(','), message: 'Hello' },
    call: sendCall({ phoneNumbers: Array(501).fill('0600000000'), message: 'Hello' }),
  },
  asSent('a Low Cost send from an account not eligible', 51, { ...hello, gamme: 2 }, { lowCost: false }),
  asSent('a send of 11 parts', 52, { ...hello, message: 'a'.repeat(1531) }),
  asSent('a send whose number list holds only commas', 55, { phoneNumbers: ',', message: 'Hello' }),
  asSent('a send from an IP outside the allow-list', 96, hello, { allowedIps: ['10.0.0.1'] }),
  {
    description: 'a send while the queue fails (injected)',
    code: 500,
    given: ['a fault is injected', { endpoint: send.name }],
    params: hello,
    call: sendCall(hello),
  },
];

describe('single send contract: every code the client can provoke', () => {
  test.each(failures)('code $code: $description', async ({ code, call, ...spec }) => {
    await send.rejects(pact, spec, code, (baseUrl) => {
      const options = { baseUrl, apiKey: spec.apiKey ?? PACT_KEY, retry: 0 };
      return call(createSmsPartnerClient(options), createTransport(options));
    });
  });
});

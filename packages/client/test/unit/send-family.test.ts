import { describe, expect, test } from 'vitest';
import { normalizeCredits, normalizeSendResult } from '../../src/index.ts';
import { API_KEY, BASE_URL, json, observedClient, rejectionOf, replies } from './helpers.ts';

const sendAnswer = { success: true, code: 200, message_id: 1000, nb_sms: 1, cost: 0.038, currency: 'EUR' };
const bulkAnswer = {
  success: true,
  code: 200,
  message_id: 2254444,
  currency: 'EUR',
  cost: 0.076,
  nbSMS: 2,
  SMSResponse_List: [
    { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33600000001' },
    {
      success: false,
      code: 9,
      nbSms: 0,
      cost: 0,
      phoneNumber: '922264',
      message: 'At least one constraint was not respected',
    },
  ],
};
const creditsAnswer = {
  success: true,
  code: 200,
  user: { username: 'exemple@email.com', firstname: 'John', lastname: 'Doe' },
  credits: {
    creditSms: 269082,
    creditSmsECO: 444570,
    creditHlr: 2045023,
    toSend: 0,
    solde: '10225.119',
    currency: 'EUR',
    balance: '10225.119',
  },
};

describe('the send family sends the documented requests', () => {
  test('sendBulkSms: POST /v1/bulk-send with SMSList, flags as 1, schedule in Paris time', async () => {
    const { client, requests } = observedClient(replies(json(bulkAnswer)));
    await client.sendBulkSms({
      messages: [
        { phoneNumber: '0600000001', message: 'Hello Ann' },
        { phoneNumber: '922264', message: 'Hello Bob' },
      ],
      sender: 'MyShop',
      sandbox: true,
      scheduledAt: new Date('2030-07-14T07:00:00Z'),
    });
    expect(requests).toMatchObject([{ method: 'POST', url: `${BASE_URL}/v1/bulk-send` }]);
    expect(requests[0]?.json).toEqual({
      apiKey: API_KEY,
      SMSList: [
        { phoneNumber: '0600000001', message: 'Hello Ann' },
        { phoneNumber: '922264', message: 'Hello Bob' },
      ],
      sender: 'MyShop',
      sandbox: 1,
      scheduledDeliveryDate: '14/07/2030',
      time: 9,
      minute: 0,
    });
  });

  test('sendVnSms: POST /v1/vn/send with to and from', async () => {
    const { client, requests } = observedClient(replies(json(sendAnswer)));
    await expect(
      client.sendVnSms({ to: '0600000000', from: '33700000000', message: 'Hi', isStopSms: true }),
    ).resolves.toEqual(sendAnswer);
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE_URL}/v1/vn/send` });
    expect(requests[0]?.json).toEqual({
      apiKey: API_KEY,
      to: '0600000000',
      from: '33700000000',
      message: 'Hi',
      isStopSms: 1,
    });
  });

  test('sendSurvey: POST /v1/sondage/to/send', async () => {
    const { client, requests } = observedClient(replies(json(sendAnswer)));
    await client.sendSurvey({ phoneNumbers: ['0600000000', '0611111111'], sondageIdent: 'SURVEY-1' });
    expect(requests[0]?.json).toEqual({
      apiKey: API_KEY,
      phoneNumbers: '0600000000,0611111111',
      sondageIdent: 'SURVEY-1',
    });
  });

  test('getCredits: GET /v1/me with the key in the query, no argument needed', async () => {
    const { client, requests } = observedClient(replies(json(creditsAnswer)));
    await expect(client.getCredits()).resolves.toEqual(creditsAnswer);
    expect(requests).toMatchObject([
      { method: 'GET', url: `${BASE_URL}/v1/me?apiKey=${API_KEY}`, json: undefined },
    ]);
  });

  test.each([
    ['getCredits', 20],
    ['sendBulkSms', 55],
    ['sendVnSms', 992],
    ['sendSurvey', 4],
  ] as const)('%s: an error answer is an SmsPartnerApiError with code %i', async (method, code) => {
    const { client } = observedClient(replies(json({ success: false, code, message: 'x' })));
    const input = {
      getCredits: undefined,
      sendBulkSms: { messages: [{ phoneNumber: '0600000000', message: 'x' }] },
      sendVnSms: { to: '0600000000', from: '33700000000', message: 'x' },
      sendSurvey: { phoneNumbers: '0600000000', sondageIdent: 'S' },
    }[method];
    const error = await rejectionOf((client[method] as (input: unknown) => Promise<unknown>)(input));
    expect(error).toMatchObject({ name: 'SmsPartnerApiError', code, endpoint: method });
  });
});

describe('wire quirks in one normalised shape', () => {
  test.each([
    [
      'a single send (nb_sms, integer id)',
      sendAnswer,
      { messageId: '1000', nbSms: 1, cost: 0.038, items: undefined },
    ],
    [
      'a single send with a string id',
      { ...sendAnswer, message_id: '2270142' },
      { messageId: '2270142', nbSms: 1 },
    ],
    [
      'a bulk send (nbSMS at the top, nbSms per item)',
      bulkAnswer,
      {
        messageId: '2254444',
        nbSms: 2,
        cost: 0.076,
        items: [
          { phoneNumber: '+33600000001', success: true, code: 200, nbSms: 1, cost: 0.038 },
          { phoneNumber: '922264', success: false, code: 9, nbSms: 0, cost: 0 },
        ],
      },
    ],
  ])('normalizeSendResult: %s', (_label, answer, receipt) => {
    expect(normalizeSendResult(answer as never)).toMatchObject(receipt);
  });

  test.each([
    ['creditSmsECO (current docs)', creditsAnswer.credits, 444570],
    [
      'creditSmsLowCost (recorded traffic)',
      {
        creditSms: 20,
        creditSmsLowCost: 37,
        creditHlr: 180,
        toSend: 0,
        solde: '0.900',
        currency: 'EUR',
        balance: '0.900',
      },
      37,
    ],
  ])('normalizeCredits reads %s', async (_label, credits, lowCost) => {
    const { client } = observedClient(
      replies(json({ success: true, code: 200, user: { username: 'u' }, credits })),
    );
    expect(normalizeCredits(await client.getCredits())).toMatchObject({ lowCost, currency: 'EUR' });
  });

  test('counts written as digit strings are read as numbers', async () => {
    const { client } = observedClient(
      replies(
        json({ ...creditsAnswer, credits: { ...creditsAnswer.credits, creditSms: '269082', toSend: '3' } }),
      ),
    );
    expect((await client.getCredits()).credits).toMatchObject({ creditSms: 269082, toSend: 3 });
  });
});

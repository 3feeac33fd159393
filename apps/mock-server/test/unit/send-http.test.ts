import { decodeXml, sendSmsCodes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { EMPTY, FUNDED, get, MINUTE, post, scheduleAt, T0, useMock } from '../helpers.ts';

const server = useMock();
const send = (body: Record<string, unknown>) => post(server.url, '/v1/send', body);
const base = { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'Bonjour' };

describe('POST /v1/send: success', () => {
  test('an immediate send answers the documented body and debits the account', async () => {
    const answer = await send(base);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      success: true,
      code: 200,
      message_id: 1000,
      nb_sms: 1,
      cost: 0.038,
      currency: 'EUR',
    });
    expect(server.store.account(FUNDED)?.credits).toBe(999);
  });

  test("the recorded Moroccan number costs the recording's 0.04 EUR, and its status says so", async () => {
    const answer = await send({ ...base, phoneNumbers: '+212620123456' });
    expect(answer.json).toMatchObject({ success: true, nb_sms: 1, cost: 0.04, currency: 'EUR' });
    const messageId = (answer.json as { message_id: number }).message_id;
    const status = await get(server.url, '/v1/message-status', {
      apiKey: FUNDED,
      messageId,
      phoneNumber: '+212620123456',
    });
    expect(status.json).toMatchObject({ number: '+212620123456', cost: 0.04, countryCode: 'MA' });
  });

  test('a scheduled send echoes its Paris time, as recorded responses do', async () => {
    const answer = await send({ ...base, ...scheduleAt(T0 + 60 * MINUTE) });
    expect(answer.json).toMatchObject({ success: true, scheduledDeliveryDate: '2030-01-15 10:00:00' });
    expect(server.store.listMessages(FUNDED)).toMatchObject([
      { state: 'scheduled', sendAt: '2030-01-15T09:00:00.000Z' },
    ]);
  });

  test('time and minute may come as strings of digits', async () => {
    const answer = await send({ ...base, scheduledDeliveryDate: '15/01/2030', time: '10', minute: '05' });
    expect(answer.json).toMatchObject({ success: true, scheduledDeliveryDate: '2030-01-15 10:05:00' });
  });

  test.each([
    ['national FR', '0612345678', '+33612345678'],
    ['international FR', '+33612345678', '+33612345678'],
    ['international DE', '+4915112345678', '+4915112345678'],
  ])('recipient in %s format', async (_label, number, e164) => {
    await send({ ...base, phoneNumbers: number });
    expect(server.store.listMessages(FUNDED)?.[0]?.phoneNumbers).toEqual([e164]);
  });

  test.each([
    ['160 GSM characters', 1, 'a'.repeat(160)],
    ['161 GSM characters', 2, 'a'.repeat(161)],
    ['1530 GSM characters', 10, 'a'.repeat(1530)],
    ['158 characters and :br: (counts two)', 1, `${'a'.repeat(158)}:br:`],
    ['159 characters and :br: (counts two)', 2, `${'a'.repeat(159)}:br:`],
  ])('%s: %i part(s) per recipient', async (_label, parts, message) => {
    const answer = await send({ ...base, phoneNumbers: '0612345678,0698765432', message });
    expect(answer.json).toMatchObject({ nb_sms: parts * 2, cost: Number((parts * 2 * 0.038).toFixed(3)) });
  });

  test('XML: the documented entry order, CDATA currency', async () => {
    const answer = await send({ ...base, _format: 'xml' });
    expect(answer.contentType).toMatch(/^application\/xml/);
    expect(decodeXml(answer.text)).toEqual([true, 200, 1000, 1, 0.038, 'EUR']);
    expect(answer.text).toContain('<entry><![CDATA[EUR]]></entry>');
  });

  test('sandbox: recorded, flagged, nothing debited', async () => {
    const answer = await send({ ...base, sandbox: 1 });
    expect(answer.json).toMatchObject({ success: true, nb_sms: 1 });
    expect(server.store.account(FUNDED)?.credits).toBe(1000);
    expect(server.store.listMessages(FUNDED)).toMatchObject([{ sandbox: true }]);
  });
});

describe('POST /v1/send: codes', () => {
  test.each([
    [1, 'no apiKey', { phoneNumbers: '0612345678', message: 'x' }],
    [1, 'an empty apiKey', { apiKey: '', phoneNumbers: '0612345678', message: 'x' }],
    [10, 'an unknown apiKey', { apiKey: 'nope', phoneNumbers: '0612345678', message: 'x' }],
    [2, 'no phoneNumbers', { apiKey: FUNDED, message: 'x' }],
    [2, 'empty phoneNumbers', { apiKey: FUNDED, phoneNumbers: '', message: 'x' }],
    [55, 'only commas', { apiKey: FUNDED, phoneNumbers: ' , ,', message: 'x' }],
    [
      50,
      '501 numbers',
      { apiKey: FUNDED, phoneNumbers: Array(501).fill('0612345678').join(','), message: 'x' },
    ],
    [52, '11 parts', { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'a'.repeat(1531) }],
    [11, 'no credits', { apiKey: EMPTY, phoneNumbers: '0612345678', message: 'x' }],
    [43, 'a blank message', { apiKey: FUNDED, phoneNumbers: '0612345678', message: '   ' }],
    [
      44,
      'a sender with special characters',
      { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'x', sender: 'Café!' },
    ],
    [
      45,
      'a time without a date',
      { apiKey: FUNDED, phoneNumbers: '0612345678', message: 'x', time: 10, minute: 0 },
    ],
    [
      46,
      'hour 25',
      {
        apiKey: FUNDED,
        phoneNumbers: '0612345678',
        message: 'x',
        scheduledDeliveryDate: '15/01/2030',
        time: 25,
        minute: 0,
      },
    ],
    [
      47,
      'minute 60',
      {
        apiKey: FUNDED,
        phoneNumbers: '0612345678',
        message: 'x',
        scheduledDeliveryDate: '15/01/2030',
        time: 10,
        minute: 60,
      },
    ],
    [
      47,
      'a minute that is not a number',
      {
        apiKey: FUNDED,
        phoneNumbers: '0612345678',
        message: 'x',
        scheduledDeliveryDate: '15/01/2030',
        time: 10,
        minute: 'half',
      },
    ],
    [
      48,
      'minute 7',
      {
        apiKey: FUNDED,
        phoneNumbers: '0612345678',
        message: 'x',
        scheduledDeliveryDate: '15/01/2030',
        time: 10,
        minute: 7,
      },
    ],
    [
      48,
      'minute 56',
      {
        apiKey: FUNDED,
        phoneNumbers: '0612345678',
        message: 'x',
        scheduledDeliveryDate: '15/01/2030',
        time: 10,
        minute: 56,
      },
    ],
    [
      49,
      'an impossible date',
      {
        apiKey: FUNDED,
        phoneNumbers: '0612345678',
        message: 'x',
        scheduledDeliveryDate: '31/02/2030',
        time: 9,
        minute: 0,
      },
    ],
    [
      49,
      'a date in another format',
      {
        apiKey: FUNDED,
        phoneNumbers: '0612345678',
        message: 'x',
        scheduledDeliveryDate: '2030-01-15',
        time: 9,
        minute: 0,
      },
    ],
  ] as const)('code %i: %s', async (code, _label, body) => {
    const answer = await send(body);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ success: false, code, message: sendSmsCodes[code].message });
  });

  test('500 numbers are accepted', async () => {
    const answer = await send({ ...base, phoneNumbers: Array(500).fill('0612345678').join(',') });
    expect(answer.json).toMatchObject({ success: true, nb_sms: 500 });
  });

  test('code 11 leaves the account and the message list untouched', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: 'two-credits', credits: 2 });
    const answer = await send({
      ...base,
      apiKey: 'two-credits',
      phoneNumbers: '0612345678,0698765432,0611111111',
    });
    expect(answer.json).toMatchObject({ code: 11 });
    expect(server.store.account('two-credits')?.credits).toBe(2);
    expect(server.store.listMessages('two-credits')).toEqual([]);
  });

  test.each([
    [
      'sender of 12 characters',
      { sender: 'ABCDEFGHIJKL' },
      'sender',
      'The sender cannot be longer than 11 characters',
    ],
    ['sender of 2 characters', { sender: 'AB' }, 'sender', 'The sender must be at least 3 characters long'],
    ['no message', { message: undefined }, 'message', 'The message is required'],
    [
      'an invalid number',
      { phoneNumbers: '0612345678,922264' },
      'phoneNumbers',
      'This phone number is not valid (922264)',
    ],
    [
      'a non-FR national number',
      { phoneNumbers: '015112345678' },
      'phoneNumbers',
      'This phone number is not valid (015112345678)',
    ],
    [
      'a date without time',
      { scheduledDeliveryDate: '16/01/2030', minute: 0 },
      'time',
      'The time is required',
    ],
    [
      'a date without minute',
      { scheduledDeliveryDate: '16/01/2030', time: 10 },
      'minute',
      'The minute is required',
    ],
    [
      'a date in the past',
      { scheduledDeliveryDate: '14/01/2030', time: 9, minute: 0 },
      'scheduledDeliveryDate',
      'The date (14/01/2030 at 9:00) is earlier than the current date.',
    ],
    [
      'the current minute',
      { scheduledDeliveryDate: '15/01/2030', time: 9, minute: 0 },
      'scheduledDeliveryDate',
      'The date (15/01/2030 at 9:00) is earlier than the current date.',
    ],
  ])('code 9: %s', async (_label, change, field, message) => {
    const answer = await send({ ...base, ...change });
    expect(answer.json).toEqual({
      success: false,
      code: 9,
      error: [{ elementId: `children[${field}].data`, message }],
    });
  });

  test('code 9 lists every faulty field at once, in the XML shape too', async () => {
    const body = {
      apiKey: FUNDED,
      phoneNumbers: '922264',
      sender: 'ABCDEFGHIJKL',
      scheduledDeliveryDate: '21/11/2014',
    };
    const answer = await send(body);
    expect(answer.json).toEqual({
      success: false,
      code: 9,
      error: [
        // The recorded order (send.md): message, phoneNumbers, sender, scheduledDeliveryDate, minute, time.
        { elementId: 'children[message].data', message: 'The message is required' },
        { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (922264)' },
        { elementId: 'children[sender].data', message: 'The sender cannot be longer than 11 characters' },
        {
          elementId: 'children[scheduledDeliveryDate].data',
          message: 'The date (21/11/2014 at :) is earlier than the current date.',
        },
        { elementId: 'children[minute].data', message: 'The minute is required' },
        { elementId: 'children[time].data', message: 'The time is required' },
      ],
    });
    const xml = await send({ ...body, _format: 'xml' });
    expect(decodeXml(xml.text)).toEqual([
      false,
      9,
      [
        ['children[message].data', 'The message is required'],
        ['children[phoneNumbers].data', 'This phone number is not valid (922264)'],
        ['children[sender].data', 'The sender cannot be longer than 11 characters'],
        [
          'children[scheduledDeliveryDate].data',
          'The date (21/11/2014 at :) is earlier than the current date.',
        ],
        ['children[minute].data', 'The minute is required'],
        ['children[time].data', 'The time is required'],
      ],
    ]);
  });
});

describe('scheduling in Paris time across daylight-saving changes', () => {
  test.each([
    [
      'the night before spring forward, 01:55 CET',
      '2030-03-30T12:00:00Z',
      '31/03/2030',
      1,
      55,
      '2030-03-31T00:55:00.000Z',
      '2030-03-31 01:55:00',
    ],
    [
      '02:30 on spring-forward day does not exist: moved to 03:30 CEST',
      '2030-03-30T12:00:00Z',
      '31/03/2030',
      2,
      30,
      '2030-03-31T01:30:00.000Z',
      '2030-03-31 03:30:00',
    ],
    [
      '03:00 CEST after the jump',
      '2030-03-30T12:00:00Z',
      '31/03/2030',
      3,
      0,
      '2030-03-31T01:00:00.000Z',
      '2030-03-31 03:00:00',
    ],
    [
      'summer time, 09:00 CEST',
      '2030-03-30T12:00:00Z',
      '15/07/2030',
      9,
      0,
      '2030-07-15T07:00:00.000Z',
      '2030-07-15 09:00:00',
    ],
    [
      '02:30 on fall-back day: its first occurrence (CEST)',
      '2030-10-26T12:00:00Z',
      '27/10/2030',
      2,
      30,
      '2030-10-27T00:30:00.000Z',
      '2030-10-27 02:30:00',
    ],
    [
      '03:00 on fall-back day, CET',
      '2030-10-26T12:00:00Z',
      '27/10/2030',
      3,
      0,
      '2030-10-27T02:00:00.000Z',
      '2030-10-27 03:00:00',
    ],
  ])('%s', async (_label, clock, scheduledDeliveryDate, time, minute, sendAt, echo) => {
    server.store.clock.set(Date.parse(clock));
    const answer = await send({ ...base, scheduledDeliveryDate, time, minute });
    expect(answer.json).toMatchObject({ success: true, scheduledDeliveryDate: echo });
    expect(server.store.listMessages(FUNDED)?.[0]?.sendAt).toBe(sendAt);
  });

  test('the five-minute rule counts real minutes across the spring-forward jump', async () => {
    // 01:55 CET is 00:55Z; 03:00 CEST is 01:00Z: five real minutes apart, though the wall clock jumps 65.
    server.store.clock.set(Date.parse('2030-03-31T00:55:00Z'));
    const sent = await send({ ...base, scheduledDeliveryDate: '31/03/2030', time: 3, minute: 0 });
    const messageId = (sent.json as { message_id: number }).message_id;
    const answer = await fetch(`${server.url}/v1/message-cancel?apiKey=${FUNDED}&messageId=${messageId}`);
    expect(await answer.json()).toMatchObject({ code: 6 });
  });
});

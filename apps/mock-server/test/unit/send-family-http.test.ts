import { decodeXml, sendSmsCodes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { EMPTY, FUNDED, get, post, useMock } from '../helpers.ts';

const server = useMock();
const item = (phoneNumber: string, message = 'Bonjour') => ({ phoneNumber, message });

describe('POST /v1/bulk-send', () => {
  test('one message per recipient: the recorded shape, nbSMS at the top and nbSms per item', async () => {
    const answer = await post(server.url, '/v1/bulk-send', {
      apiKey: FUNDED,
      sender: 'mycompany',
      SMSList: [item('0612345678', 'msg 0'), item('+33698765432', 'a'.repeat(161))],
    });
    expect(answer.json).toEqual({
      success: true,
      code: 200,
      message_id: 1000,
      currency: 'EUR',
      cost: 0.114,
      nbSMS: 3,
      SMSResponse_List: [
        { success: true, code: 200, nbSms: 1, cost: 0.038, phoneNumber: '+33612345678' },
        { success: true, code: 200, nbSms: 2, cost: 0.076, phoneNumber: '+33698765432' },
      ],
    });
    expect(server.store.account(FUNDED)?.credits).toBe(997);
  });

  test('items fail one by one with the code a single send would answer', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: FUNDED, credits: 1000 });
    const answer = await post(server.url, '/v1/bulk-send', {
      apiKey: FUNDED,
      SMSList: [
        item('0612345678'),
        item('922264'),
        item('+12025550123'),
        { phoneNumber: '0698765432' },
        { message: 'x' },
        item('0611111111', 'a'.repeat(1531)),
      ],
    });
    const list = (answer.json as { SMSResponse_List: { code: number }[] }).SMSResponse_List;
    expect(list.map((entry) => entry.code)).toEqual([200, 9, 13, 43, 2, 52]);
    expect(answer.json).toMatchObject({ nbSMS: 1, cost: 0.038 });
    expect(list[1]).toEqual({
      success: false,
      code: 9,
      nbSms: 0,
      cost: 0,
      phoneNumber: '922264',
      message: sendSmsCodes[9].message,
    });
  });

  test.each([
    [2, 'an empty list', { apiKey: FUNDED, SMSList: [] }],
    [2, 'no list', { apiKey: FUNDED }],
    [50, '501 items', { apiKey: FUNDED, SMSList: Array.from({ length: 501 }, () => item('0612345678')) }],
    [55, 'no item can go', { apiKey: FUNDED, SMSList: [item('922264')] }],
    [11, 'no credits', { apiKey: EMPTY, SMSList: [item('0612345678')] }],
    [10, 'an unknown key', { apiKey: 'nope', SMSList: [item('0612345678')] }],
  ] as const)('code %i: %s', async (code, _label, body) => {
    expect((await post(server.url, '/v1/bulk-send', body)).json).toEqual({
      success: false,
      code,
      message: sendSmsCodes[code].message,
    });
  });

  test('500 items pass', async () => {
    const answer = await post(server.url, '/v1/bulk-send', {
      apiKey: FUNDED,
      SMSList: Array.from({ length: 500 }, () => item('0612345678')),
    });
    expect(answer.json).toMatchObject({ success: true, nbSMS: 500 });
  });

  test('the same body on POST /v1/send is a bulk send (the bulk page names that path)', async () => {
    const answer = await post(server.url, '/v1/send', { apiKey: FUNDED, SMSList: [item('0612345678')] });
    expect(answer.json).toMatchObject({
      success: true,
      nbSMS: 1,
      SMSResponse_List: [{ phoneNumber: '+33612345678' }],
    });
  });

  test('a scheduled batch can be cancelled; every item is refunded', async () => {
    const answer = await post(server.url, '/v1/bulk-send', {
      apiKey: FUNDED,
      scheduledDeliveryDate: '15/01/2030',
      time: 12,
      minute: 0,
      SMSList: [item('0612345678'), item('0698765432')],
    });
    expect(answer.json).toMatchObject({ scheduledDeliveryDate: '2030-01-15 12:00:00' });
    expect(server.store.account(FUNDED)?.credits).toBe(998);
    const cancel = await get(server.url, '/v1/message-cancel', {
      apiKey: FUNDED,
      messageId: (answer.json as { message_id: number }).message_id,
    });
    expect(cancel.json).toMatchObject({ code: 200 });
    expect(server.store.account(FUNDED)?.credits).toBe(1000);
  });

  test('XML: nested anonymous entries for the item list', async () => {
    const answer = await post(server.url, '/v1/bulk-send', {
      apiKey: FUNDED,
      _format: 'xml',
      SMSList: [item('0612345678'), item('0698765432')],
    });
    expect(decodeXml(answer.text)).toEqual([
      true,
      200,
      1000,
      'EUR',
      0.076,
      2,
      [
        [true, 200, 1, 0.038, '+33612345678'],
        [true, 200, 1, 0.038, '+33698765432'],
      ],
    ]);
  });
});

describe('POST /v1/vn/send', () => {
  const body = { apiKey: FUNDED, to: '0612345678', from: '33700000000', message: 'Hello' };

  test('from a rented virtual number: the single-send answer', async () => {
    expect((await post(server.url, '/v1/vn/send', body)).json).toEqual({
      success: true,
      code: 200,
      message_id: 1000,
      nb_sms: 1,
      cost: 0.038,
      currency: 'EUR',
    });
    expect(server.store.listMessages(FUNDED)?.[0]).toMatchObject({
      sender: '33700000000',
      phoneNumbers: ['+33612345678'],
    });
  });

  test.each([
    [992, 'a number the account does not rent', { ...body, from: '33799999999' }],
    [2, 'no recipient', { ...body, to: undefined }],
    [1, 'no apiKey', { ...body, apiKey: undefined }],
  ] as const)('code %i: %s', async (code, _label, request) => {
    expect((await post(server.url, '/v1/vn/send', request)).json).toEqual({
      success: false,
      code,
      message: sendSmsCodes[code].message,
    });
  });

  test('code 9 without from', async () => {
    expect((await post(server.url, '/v1/vn/send', { ...body, from: undefined })).json).toEqual({
      success: false,
      code: 9,
      error: [{ elementId: 'children[from].data', message: 'The virtual number (from) is required' }],
    });
  });

  test('code 11 when the balance is empty', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: FUNDED, credits: 0 });
    expect((await post(server.url, '/v1/vn/send', body)).json).toEqual({
      success: false,
      code: 11,
      message: sendSmsCodes[11].message,
    });
  });

  test('the + form of the virtual number is accepted', async () => {
    expect((await post(server.url, '/v1/vn/send', { ...body, from: '+33700000000' })).json).toMatchObject({
      success: true,
    });
  });
});

describe('POST /v1/sondage/to/send', () => {
  const body = { apiKey: FUNDED, phoneNumbers: '0612345678,0698765432', sondageIdent: 'SURVEY-1' };

  test("sends the account's survey text to every number", async () => {
    expect((await post(server.url, '/v1/sondage/to/send', body)).json).toEqual({
      success: true,
      code: 200,
      message_id: 1000,
      nb_sms: 2,
      cost: 0.076,
      currency: 'EUR',
    });
    expect(server.store.listMessages(FUNDED)?.[0]).toMatchObject({
      message: 'How was your visit? Reply 1 to 5',
    });
  });

  test.each([
    [4, 'an unknown survey', { ...body, sondageIdent: 'NOPE' }],
    [2, 'no numbers', { ...body, phoneNumbers: undefined }],
    [45, 'a time without a date', { ...body, time: 10 }],
  ] as const)('code %i: %s', async (code, _label, request) => {
    expect((await post(server.url, '/v1/sondage/to/send', request)).json).toEqual({
      success: false,
      code,
      message: sendSmsCodes[code].message,
    });
  });

  test('code 9 without sondageIdent', async () => {
    expect(
      (await post(server.url, '/v1/sondage/to/send', { ...body, sondageIdent: undefined })).json,
    ).toEqual({
      success: false,
      code: 9,
      error: [
        {
          elementId: 'children[sondageIdent].data',
          message: 'The survey identifier (sondageIdent) is required',
        },
      ],
    });
  });

  test('scheduled, echoing the Paris time', async () => {
    const answer = await post(server.url, '/v1/sondage/to/send', {
      ...body,
      scheduledDeliveryDate: '15/01/2030',
      time: 18,
      minute: 30,
    });
    expect(answer.json).toMatchObject({ scheduledDeliveryDate: '2030-01-15 18:30:00' });
  });
});

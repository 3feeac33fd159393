import { describe, expect, test } from 'vitest';
import {
  encodeWebhook,
  formatStatusDate,
  parseDeliveryReceipt,
  parseHlrResult,
  parseReplyWebhook,
  parseStatusDate,
  readStatusFlag,
  WebhookPayloadError,
} from '../src/index.ts';

describe('status dates: the recorded unix seconds and the official datetime', () => {
  test.each([
    ['1534615206', 1_534_615_206_000],
    [1534615206, 1_534_615_206_000],
    ['2018-08-18 20:00:06', 1_534_615_206_000], // Paris, summer time: the recorded instant
    ['2015-02-07 22:39:46', Date.parse('2015-02-07T22:39:46+01:00')], // the official sample, winter time
    ['2030-03-31 02:30:00', Date.parse('2030-03-31T03:30:00+02:00')], // in the spring gap: moved forward
    ['2015-02-31 10:00:00', undefined],
    ['2015-13-01 10:00:00', undefined],
    ['07/02/2015', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseStatusDate(input)).toBe(expected);
  });

  test('written as unix seconds, as recorded', () => {
    expect(formatStatusDate(1_534_615_206_999)).toBe('1534615206');
  });

  test.each([
    [true, true],
    ['1', true],
    [1, true],
    ['true', true],
    [false, false],
    ['0', false],
    [undefined, false],
  ])('flag %j → %j', (input, expected) => {
    expect(readStatusFlag(input)).toBe(expected);
  });
});

describe('webhook parsers: JSON and form bodies', () => {
  const longPart = {
    msisdn: '33612345678',
    to: '33700000000',
    messageId: '02000000YYYYYYYY',
    concat: 'true',
    'concat-ref': '171',
    'concat-total': '2',
    'concat-part': '1',
    text: '   Long message....',
    type: 'text',
    keyword: 'MESSAGELONG',
    'message-timestamp': '2016-03-09 16:00:30',
  };

  test.each([
    ['JSON text', JSON.stringify(longPart), 'application/json'],
    ['form text', encodeWebhook(longPart, 'form').body, 'application/x-www-form-urlencoded'],
    ['form text without a content type', encodeWebhook(longPart, 'form').body, undefined],
    ['URLSearchParams', new URLSearchParams(longPart), undefined],
    ['a parsed object', longPart, undefined],
    ['bytes', new TextEncoder().encode(JSON.stringify(longPart)), undefined],
  ])('the documented long-number part, as %s', (_label, body, type) => {
    expect(parseReplyWebhook(body, type)).toEqual({
      kind: 'long-number',
      from: '+33612345678',
      to: '+33700000000',
      text: '   Long message....',
      keyword: 'MESSAGELONG',
      inboundId: '02000000YYYYYYYY',
      receivedAt: Date.UTC(2016, 2, 9, 16, 0, 30),
      concat: { ref: '171', total: 2, part: 1 },
      payload: longPart,
    });
  });

  test('the documented short-number reply (message_id a number in JSON, a string in the dump) and STOP', () => {
    expect(
      parseReplyWebhook('{"type":"response","phone_number":"+336","text":"test","message_id":1111111}'),
    ).toMatchObject({
      kind: 'short-number',
      type: 'response',
      messageId: '1111111',
    });
    expect(parseReplyWebhook('type=stop&phone_number=%2B336&text=Stop&message_id=123')).toMatchObject({
      type: 'stop',
      from: '+336',
      messageId: '123',
    });
  });

  test('an RCS suggestion tap (our payload), JSON or form; a tap without its postbackData is refused', () => {
    const expected = {
      kind: 'rcs-suggestion',
      from: '+33612345678',
      text: 'Yes',
      postbackData: 'slot_yes',
      messageId: '1000',
    };
    expect(
      parseReplyWebhook(
        '{"type":"rcs_suggestion","phone_number":"+33612345678","text":"Yes","postbackData":"slot_yes","message_id":1000}',
      ),
    ).toMatchObject(expected);
    expect(
      parseReplyWebhook(
        'type=rcs_suggestion&phone_number=%2B33612345678&text=Yes&postbackData=slot_yes&message_id=1000',
        'application/x-www-form-urlencoded',
      ),
    ).toMatchObject(expected);
    expect(() =>
      parseReplyWebhook({ type: 'rcs_suggestion', phone_number: '+336', text: 'Yes', message_id: 1 }),
    ).toThrowError(
      expect.objectContaining({
        message: 'Not an RCS suggestion tap payload',
        issues: [expect.stringMatching(/^postbackData/)],
      }),
    );
  });

  test("a delivery receipt, JSON or form (the mock's assumed payload)", () => {
    const receipt = {
      number: '+33600000000',
      messageId: '1000',
      stopSms: false,
      date: '1534615206',
      statut: 'Delivered',
      cost: 0.038,
      countryCode: 'FR',
      currency: 'EUR',
    };
    const expected = {
      messageId: '1000',
      phoneNumber: '+33600000000',
      status: 'Delivered',
      at: 1_534_615_206_000,
      stopSms: false,
      cost: 0.038,
      countryCode: 'FR',
      currency: 'EUR',
    };
    expect(parseDeliveryReceipt(JSON.stringify(receipt))).toMatchObject(expected);
    const form = encodeWebhook(receipt, 'form');
    expect(form.body).toContain('stopSms=0');
    expect(parseDeliveryReceipt(form.body, form.contentType)).toMatchObject(expected);
  });

  test("an HLR result: the docs' sample as form fields (trailing space, digit strings) and as JSON", () => {
    const sample = {
      phone: '+3300000000',
      messageId: '1234-12344-1234-1234',
      mccMnc: '20815',
      ported: '1',
      errorGrpId: '0',
      errorName: 'NO_ERROR ',
      errorDesc: 'No Error',
      date: '2018-03-05T10:34:52.355+0000',
    };
    const expected = {
      phoneNumber: '+3300000000',
      id: '1234-12344-1234-1234',
      mccMnc: '20815',
      ported: true,
      errorGroupId: 0,
      errorName: 'NO_ERROR',
      errorDescription: 'No Error',
      error: { id: 0, groupId: 0, name: 'NO_ERROR', permanent: false },
      at: Date.UTC(2018, 2, 5, 10, 34, 52, 355),
    };
    const form = encodeWebhook(sample, 'form');
    expect(parseHlrResult(form.body, form.contentType)).toMatchObject(expected);
    const json = { ...sample, ported: 1, errorGrpId: 0 };
    expect(parseHlrResult(JSON.stringify(json))).toMatchObject({ ...expected, payload: json });
    expect(parseHlrResult({ ...json, errorName: 'EC_NOT_IN_THE_TABLE', date: 'soon' })).toMatchObject({
      error: undefined,
      at: undefined,
    });
    expect(() => parseHlrResult({ ...json, ported: 2 })).toThrowError(
      expect.objectContaining({ name: 'WebhookPayloadError', issues: [expect.stringMatching(/^ported/)] }),
    );
  });

  test('anything else is a WebhookPayloadError naming what did not fit', () => {
    expect(() => parseReplyWebhook('{"hello":1}')).toThrow(WebhookPayloadError);
    expect(() => parseReplyWebhook('{broken')).toThrow(/not valid JSON/);
    expect(() => parseDeliveryReceipt({ number: '+336' })).toThrowError(
      expect.objectContaining({
        name: 'WebhookPayloadError',
        issues: expect.arrayContaining([expect.stringMatching(/^messageId/)]),
      }),
    );
  });
});

import {
  decodeXml,
  entriesToJson,
  LOOKUP_INVALID_MESSAGE,
  lookupNumbersResponse,
} from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { FUNDED, get, post, useMock } from '../../helpers.ts';

const server = useMock();
const lookup = (body: Record<string, unknown>) => post(server.url, '/v1/lookup', { apiKey: FUNDED, ...body });

const moroccan = {
  request: '+212620123456',
  success: true,
  countryCode: 'Morocco',
  prefixCode: 212,
  phoneNumber: '+212620123456',
  type: 'Mobile',
  network: '',
  format: {
    e164: '+212620123456',
    international: '+212 6 20 12 34 56',
    national: '06 20 12 34 56',
    rfc3966: 'tel:+212-6-20-12-34-56',
  },
};

describe('POST /v1/lookup', () => {
  test('answers the recorded shape: one item per input, in order, a failed item beside a good one', async () => {
    // The recorded request: "+212620123456, +212666123456" (the second item keeps its space, and fails).
    const answer = await lookup({ phoneNumbers: '+212620123456, +212666123456' });
    expect(answer.json).toEqual({
      success: true,
      code: 200,
      lookup: [moroccan, { request: ' +212666123456', success: false, message: LOOKUP_INVALID_MESSAGE }],
    });
  });

  test.each([
    ['+33612345678', 'France', 33, 'Mobile', '+33 6 12 34 56 78', '06 12 34 56 78', 'tel:+33-6-12-34-56-78'],
    [
      '+33187654321',
      'France',
      33,
      'Fixed line',
      '+33 1 87 65 43 21',
      '01 87 65 43 21',
      'tel:+33-1-87-65-43-21',
    ],
    [
      '+12025550123',
      'United States',
      1,
      'Fixed line or mobile',
      '+1 202 555 0123',
      '(202) 555-0123',
      'tel:+1-202-555-0123',
    ],
    ['+3225551234', 'Belgium', 32, 'Fixed line', '+32 2 555 12 34', '02 555 12 34', 'tel:+32-2-555-12-34'],
  ])(
    '%s: %s, +%i, %s, with the four formats',
    async (number, country, prefix, type, international, national, rfc3966) => {
      const answer = await lookup({ phoneNumbers: number });
      expect((answer.json as { lookup: unknown[] }).lookup).toEqual([
        {
          request: number,
          success: true,
          countryCode: country,
          prefixCode: prefix,
          phoneNumber: number,
          type,
          network: '',
          format: { e164: number, international, national, rfc3966 },
        },
      ]);
    },
  );

  test.each([
    ['a national number (the pages ask for international ones)', '0612345678'],
    ['a number too short', '+3361234'],
    ['letters', '+33abcdefghi'],
    ['a trailing space', '+33612345678 '],
  ])('%s is a failed item, the answer still succeeds', async (_label, number) => {
    expect((await lookup({ phoneNumbers: number })).json).toEqual({
      success: true,
      code: 200,
      lookup: [{ request: number, success: false, message: LOOKUP_INVALID_MESSAGE }],
    });
  });

  test('answers in XML with _format=xml; the XML reads back, items of both kinds included', async () => {
    const answer = await lookup({ phoneNumbers: '+212620123456,0612345678', _format: 'xml' });
    expect(answer.contentType).toMatch(/^application\/xml/);
    expect(entriesToJson(lookupNumbersResponse, decodeXml(answer.text) as never)).toEqual({
      success: true,
      code: 200,
      lookup: [moroccan, { request: '0612345678', success: false, message: LOOKUP_INVALID_MESSAGE }],
    });
  });

  test('is free: no SMS or HLR credit moves', async () => {
    const before = (await get(server.url, '/v1/me', { apiKey: FUNDED })).json;
    await lookup({ phoneNumbers: '+33612345678,+33698765432' });
    expect((await get(server.url, '/v1/me', { apiKey: FUNDED })).json).toEqual(before);
  });
});

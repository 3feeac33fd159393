import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import {
  checkTargeting,
  HLR_ERRORS,
  hlrErrorById,
  hlrNotification,
  isInternationalItem,
  LOOKUP_INVALID_MESSAGE,
  lookupNumber,
  mediaTypesOf,
  rcsRichContent,
  readVolumes,
  splitVerificationNumbers,
} from '../src/index.ts';

describe('splitVerificationNumbers: the items the verification endpoints answer for', () => {
  test.each([
    ['+33612345678', { ok: true, items: ['+33612345678'] }],
    ['+33612345678, +33698765432', { ok: true, items: ['+33612345678', ' +33698765432'] }],
    ['+33612345678,,  ,+33698765432,', { ok: true, items: ['+33612345678', '+33698765432'] }],
    [',', { ok: false, code: 55 }],
    ['  ,  ', { ok: false, code: 55 }],
    ['+33612345678;+33698765432', { ok: false, code: 3 }],
    ['+33612345678|+33698765432', { ok: false, code: 3 }],
    ['+33612345678\t+33698765432', { ok: false, code: 3 }],
    ['+33612345678\r\n+33698765432', { ok: false, code: 3 }],
    ['+33612345678 +33698765432', { ok: false, code: 3 }],
    ['+33 6 12 34 56 78', { ok: true, items: ['+33 6 12 34 56 78'] }],
  ])('%j → %j', (field, expected) => {
    expect(splitVerificationNumbers(field)).toEqual(expected);
  });

  test.each([
    ['+33612345678', true],
    ['+33 6 12-34.56 (78)', true],
    ['+1 (202) 555-0123', true],
    ['+', false],
    [' +33612345678', false],
    ['+33612345678 ', false],
    ['0612345678', false],
    ['+33612345678x', false],
    ['++33612345678', false],
  ])('%j is written as an international item: %s', (item, expected) => {
    expect(isInternationalItem(item)).toBe(expected);
  });

  test('500 items pass, 501 answer 50; a separator problem is found first', () => {
    const items = (count: number) => Array.from({ length: count }, () => '+33612345678').join(',');
    expect(splitVerificationNumbers(items(500))).toMatchObject({ ok: true });
    expect(splitVerificationNumbers(items(501))).toEqual({ ok: false, code: 50 });
    expect(splitVerificationNumbers(`${items(501)};`)).toEqual({ ok: false, code: 3 });
  });
});

describe('lookupNumber: libphonenumber-js with its full metadata', () => {
  test('the recorded Moroccan mobile, in the recorded shape (current metadata groups it 6 20 12 34 56)', () => {
    expect(lookupNumber('+212620123456')).toEqual({
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
    });
  });

  test.each([
    ['+33612345678', 'Mobile'],
    ['+33187654321', 'Fixed line'],
    ['+33800123456', 'Toll free'],
    ['+33899123456', 'Premium rate'],
    ['+12025550123', 'Fixed line or mobile'],
  ])('%s is typed %s', (number, type) => {
    expect(lookupNumber(number)).toMatchObject({ success: true, type });
  });

  test.each([
    '',
    ' +212666123456',
    '+212666123456 ',
    '0612345678',
    '+33',
    '+3361234567',
    'not a number',
    '+33612345678x',
  ])('%j is a failed item that echoes the request as written', (request) => {
    expect(lookupNumber(request)).toEqual({ request, success: false, message: LOOKUP_INVALID_MESSAGE });
  });

  test('a number written with spaces reads; the echo keeps them', () => {
    expect(lookupNumber('+33 6 12 34 56 78')).toMatchObject({
      request: '+33 6 12 34 56 78',
      phoneNumber: '+33612345678',
    });
  });
});

describe('the HLR error table', () => {
  test('one row per errorId, groups 0–3, NO_ERROR first', () => {
    const ids = HLR_ERRORS.map((error) => error.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(HLR_ERRORS[0]).toEqual({
      groupId: 0,
      id: 0,
      name: 'NO_ERROR',
      permanent: false,
      description: 'No Error',
    });
    expect(HLR_ERRORS.filter((error) => error.groupId === 0)).toHaveLength(1);
    expect(hlrErrorById(2053)?.name).toBe('EC_BLACKLISTED_SENDERADDRESS');
    expect(hlrErrorById(3)).toBeUndefined();
  });

  test('the notification schema reads the JSON rendering and the form-field one', () => {
    const json = {
      phone: '+3300000000',
      messageId: '1234-12344-1234-1234',
      mccMnc: '20815',
      ported: 1,
      errorGrpId: 0,
      errorName: 'NO_ERROR',
      errorDesc: 'No Error',
      date: '2018-03-05T10:34:52.355+0000',
    };
    expect(z.safeParse(hlrNotification, json).success).toBe(true);
    expect(z.safeParse(hlrNotification, { ...json, ported: '1', errorGrpId: '0' }).success).toBe(true);
    expect(z.safeParse(hlrNotification, { ...json, ported: 2 }).success).toBe(false);
  });
});

describe('checkTargeting: the Location codes of the targeting criteria, in order', () => {
  const base = { sexe: 'm', minAge: 25, maxAge: 35, interest: 14 };
  const without = (key: string) => Object.fromEntries(Object.entries(base).filter(([name]) => name !== key));
  test.each([
    [without('sexe'), 7],
    [{ ...base, sexe: '' }, 7],
    [{ ...base, sexe: 'M' }, 8],
    [without('minAge'), 9],
    [{ ...base, minAge: ' ' }, 9],
    [{ ...base, minAge: 17 }, 12],
    [{ ...base, minAge: '17' }, 12],
    [{ ...base, minAge: 25.5 }, 12],
    [without('maxAge'), 13],
    [{ ...base, maxAge: 99 }, 14],
    [{ ...base, maxAge: 'old' }, 14],
    [{ ...base, interest: 0 }, 15],
    [{ ...base, interest: -3 }, 15],
    [{ ...base, interest: '' }, 16],
    [{ ...base, subInterest: '' }, 17],
    [{ ...base, subInterest: 0 }, 18],
    [without('interest'), 19],
    [{ ...base, category: '' }, 22],
    [{ ...base, category: 0 }, 23],
    [{ sexe: 'x', minAge: 1 }, 8],
  ])('%j → %i', (parameters, code) => {
    expect(checkTargeting(parameters)).toEqual({ ok: false, code });
  });

  test('a valid target, read: integers from digit strings, places as trimmed unique lists', () => {
    expect(
      checkTargeting({
        sexe: 'f',
        minAge: '18',
        maxAge: '98',
        subInterest: 35,
        category: 102,
        zipcode: '60200, 02200,60200',
        department: 60,
      }),
    ).toEqual({
      ok: true,
      target: {
        sexe: 'f',
        minAge: 18,
        maxAge: 98,
        interest: undefined,
        subInterest: 35,
        category: 102,
        zipcodes: ['60200', '02200'],
        departments: ['60'],
      },
    });
  });
});

describe('readVolumes: the documented map, or rows shaped like the answer', () => {
  test.each([
    [undefined, { ok: true, wanted: undefined }],
    [
      { '60200': 20, ' 02 ': '5' },
      {
        ok: true,
        wanted: [
          { type: undefined, locality: '60200', volume: 20 },
          { type: undefined, locality: '02', volume: 5 },
        ],
      },
    ],
    [
      [{ Type: 'CP', Localite: 60200, Volume: '20' }],
      { ok: true, wanted: [{ type: 'CP', locality: '60200', volume: 20 }] },
    ],
    [[{ Localite: '60200', Volume: 20 }], { ok: false, code: 24 }],
    [[{ Type: 'ZIP', Localite: '60200', Volume: 20 }], { ok: false, code: 24 }],
    [[{ Type: 'CP', Volume: 20 }], { ok: false, code: 25 }],
    [[{ Type: 'CP', Localite: '60200' }], { ok: false, code: 26 }],
    [{ '60200': 0 }, { ok: false, code: 26 }],
    [{ '60200': 2.5 }, { ok: false, code: 26 }],
    [{ ' ': 3 }, { ok: false, code: 25 }],
    ['60200:20', { ok: false, code: 26 }],
  ])('%j → %j', (volumes, expected) => {
    expect(readVolumes(volumes)).toEqual(expected);
  });
});

describe('RCS rich content', () => {
  test.each([
    ['https://e.com/a.jpg', ['image/jpeg']],
    ['https://e.com/path/a.MP4?x=1#y', ['audio/mp4', 'audio/mp4-latm', 'video/mp4', 'video/mpeg4']],
    ['https://e.com/a', []],
    ['https://e.com/a.exe', []],
    ['not a url', []],
  ])('%s may be %j', (url, types) => {
    expect(mediaTypesOf(url).map((type) => type.contentType)).toEqual(types);
  });

  test('the three documented forms parse, as the page shows them', () => {
    const suggestions = [{ reply: { text: 'Réponse 2', postbackData: 'postback_data_1234' } }];
    for (const conversation of [
      { text: 'Hello', suggestions },
      { file: { media: { fileUrl: 'https://example.com/menu.pdf' } }, suggestions },
      {
        richCard: {
          orientation: 'HORIZONTAL',
          thumbnailImageAlignment: 'LEFT',
          title: 'T',
          description: 'D',
        },
      },
    ]) {
      expect(z.safeParse(rcsRichContent, { conversation }).error?.issues ?? []).toEqual([]);
    }
  });
});

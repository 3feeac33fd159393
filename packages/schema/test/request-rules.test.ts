import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { type AnyEndpoint, cancelSms, endpoints, rejectRequest, sendSms } from '../src/index.ts';

function reject(endpoint: typeof cancelSms | typeof sendSms, raw: Record<string, unknown>) {
  const result = endpoint.request.safeParse(raw);
  if (result.success) return 'accepted';
  return rejectRequest(endpoint, result.error.issues, raw);
}

describe('cancel request → control code', () => {
  test.each([
    ['no apiKey', { messageId: 5 }, { code: 1, message: 'API key is required' }],
    [
      'empty apiKey and no messageId (apiKey wins)',
      { apiKey: '' },
      { code: 1, message: 'API key is required' },
    ],
    ['no messageId', { apiKey: 'k' }, { code: 3, message: 'Message ID is required' }],
    ['empty messageId', { apiKey: 'k', messageId: '' }, { code: 3, message: 'Message ID is required' }],
    ['a non-numeric messageId', { apiKey: 'k', messageId: 'abc' }, { code: 4, message: 'Message not found' }],
    ['a negative messageId', { apiKey: 'k', messageId: -3 }, { code: 4, message: 'Message not found' }],
    [
      'a repeated messageId',
      { apiKey: 'k', messageId: ['1', '2'] },
      { code: 4, message: 'Message not found' },
    ],
  ])('%s', (_label, raw, answer) => {
    expect(reject(cancelSms, raw)).toEqual(answer);
  });

  test.each([
    ['an integer id', { apiKey: 'k', messageId: 300 }],
    ['a string id (query strings are strings)', { apiKey: 'k', messageId: '300' }],
    ['an unknown _format falls back to JSON', { apiKey: 'k', messageId: '300', _format: 'yaml' }],
  ])('accepts %s', (_label, raw) => {
    expect(reject(cancelSms, raw)).toBe('accepted');
  });
});

describe('send request → control code', () => {
  const ok = { apiKey: 'k', phoneNumbers: '0600000000', message: 'x' };
  test.each([
    ['no apiKey', { phoneNumbers: '0600000000' }, 1],
    ['no phoneNumbers', { apiKey: 'k', message: 'x' }, 2],
    ['a blank message', { apiKey: 'k', phoneNumbers: '0600000000', message: ' \t ' }, 43],
    [
      'a sender with punctuation',
      { apiKey: 'k', phoneNumbers: '0600000000', message: 'x', sender: 'Shop-1' },
      44,
    ],
    ['a time without a date', { apiKey: 'k', phoneNumbers: '0600000000', message: 'x', time: 9 }, 45],
    ['a minute without a date', { apiKey: 'k', phoneNumbers: '0600000000', message: 'x', minute: 0 }, 45],
    [
      'hour 25',
      {
        apiKey: 'k',
        phoneNumbers: '0600000000',
        message: 'x',
        scheduledDeliveryDate: '01/01/2030',
        time: 25,
        minute: 0,
      },
      46,
    ],
    [
      'minute -5',
      {
        apiKey: 'k',
        phoneNumbers: '0600000000',
        message: 'x',
        scheduledDeliveryDate: '01/01/2030',
        time: 9,
        minute: -5,
      },
      47,
    ],
    [
      'minute 60',
      {
        apiKey: 'k',
        phoneNumbers: '0600000000',
        message: 'x',
        scheduledDeliveryDate: '01/01/2030',
        time: 9,
        minute: 60,
      },
      47,
    ],
    [
      'minute 3',
      {
        apiKey: 'k',
        phoneNumbers: '0600000000',
        message: 'x',
        scheduledDeliveryDate: '01/01/2030',
        time: 9,
        minute: 3,
      },
      48,
    ],
    [
      'minute 56',
      {
        apiKey: 'k',
        phoneNumbers: '0600000000',
        message: 'x',
        scheduledDeliveryDate: '01/01/2030',
        time: 9,
        minute: 56,
      },
      48,
    ],
    [
      'a date in another format',
      {
        apiKey: 'k',
        phoneNumbers: '0600000000',
        message: 'x',
        scheduledDeliveryDate: '2030-01-01',
        time: 9,
        minute: 0,
      },
      49,
    ],
  ])('%s → %i', (_label, raw, code) => {
    expect(reject(sendSms, raw)).toMatchObject({ code });
  });

  test.each([
    ['sender of 2', { sender: 'AB' }, 'sender'],
    ['sender of 12', { sender: 'ABCDEFGHIJKL' }, 'sender'],
    ['a date without time', { scheduledDeliveryDate: '01/01/2030', minute: 0 }, 'time'],
    ['a date without minute', { scheduledDeliveryDate: '01/01/2030', time: 9 }, 'minute'],
    ['a tag of 21 characters', { tag: 'a'.repeat(21) }, 'tag'],
    ['a tag with a space', { tag: 'promo june' }, 'tag'],
    ['an uppercase tag', { tag: 'Promo' }, 'tag'],
    ['gamme 3', { gamme: 3 }, 'gamme'],
    ['sandbox 2', { sandbox: 2 }, 'sandbox'],
    ['phoneNumbers as a number', { phoneNumbers: 600000000 }, 'phoneNumbers'],
  ])('%s → code 9 on %s', (_label, change, field) => {
    expect(reject(sendSms, { ...ok, ...change })).toMatchObject({
      code: 9,
      errors: [{ elementId: `children[${field}].data` }],
    });
  });

  test.each([
    ['sender of 3', { sender: 'ABC' }],
    ['sender of 11', { sender: 'ABCDEFGHIJK' }],
    ['minute 0 and 55', { scheduledDeliveryDate: '01/01/2030', time: 9, minute: 55 }],
    ['hour 0', { scheduledDeliveryDate: '01/01/2030', time: 0, minute: 0 }],
    [
      'numbers as digit strings',
      { scheduledDeliveryDate: '01/01/2030', time: '9', minute: '05', gamme: '2', sandbox: '1' },
    ],
  ])('accepts %s', (_label, change) => {
    expect(reject(sendSms, { ...ok, ...change })).toBe('accepted');
  });
});

describe('_format', () => {
  const shapeKeys = (endpoint: AnyEndpoint): string[] => {
    let schema: unknown = endpoint.request;
    for (let depth = 0; depth < 10 && schema; depth++) {
      const def = (schema as { _zod?: { def?: { shape?: object; in?: unknown } } })._zod?.def;
      if (def?.shape) return Object.keys(def.shape);
      schema = def?.in;
    }
    return [];
  };
  const all = Object.values(endpoints) as AnyEndpoint[];
  const documenting = all.filter((endpoint) => shapeKeys(endpoint).includes('_format'));
  const silent = all.filter((endpoint) => !shapeKeys(endpoint).includes('_format'));

  test.each([
    ['xml', 'xml'],
    ['json', 'json'],
    ['yaml', 'json'],
    ['XML', 'json'],
    ['', 'json'],
    [7, 'json'],
    [null, 'json'],
    [['xml'], 'json'],
    [undefined, undefined],
  ])(
    '%o is read as %o by every endpoint that documents it (unknown values mean JSON, never a rejection)',
    (given, read) => {
      for (const endpoint of documenting) {
        const result = z.safeParse(endpoint.request, { ...endpoint.example.request, _format: given });
        expect(result.success).toBe(true);
        expect((result.data as { _format?: unknown })._format).toBe(read);
      }
    },
  );

  test('the endpoints whose pages document no _format (contacts, sub-account removal, rental status, call forwarding, RCS) do not read one', () => {
    expect(silent.map((endpoint) => endpoint.name).sort()).toEqual([
      'addBulkContacts',
      'addContact',
      'addGroup',
      'deleteContact',
      'deleteGroup',
      'getContact',
      // contact-rental.md §3: apiKey and token only.
      'getRentalStatus',
      'listContacts',
      'listGroups',
      'removeSubaccount',
      // rcs.md: "No sandbox, tag, urlDlr, _format documented".
      'sendRcs',
      // call-forwarding.md: "No _format documented".
      'setCallForwarding',
      'updateContact',
    ]);
    for (const endpoint of silent) {
      const result = z.safeParse(endpoint.request, { ...endpoint.example.request, _format: 'xml' });
      expect(result.success).toBe(true);
      expect(result.data as object).not.toHaveProperty('_format');
    }
  });
});

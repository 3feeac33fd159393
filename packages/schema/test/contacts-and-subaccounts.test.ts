import { describe, expect, test } from 'vitest';
import {
  type AnyEndpoint,
  addBulkContacts,
  addContact,
  addGroup,
  addSubaccountCredit,
  contactDate,
  createSubaccount,
  elementIdFor,
  formatParisIsoDateTime,
  isContactUrl,
  listContacts,
  rejectRequest,
  sendRcs,
  updateContact,
} from '../src/index.ts';

/** The answer a request gets from its schema: 'accepted', or the rejection's code (and list). */
function reject(endpoint: AnyEndpoint, raw: Record<string, unknown>) {
  const result = endpoint.request.safeParse(raw);
  if (result.success) return 'accepted';
  return rejectRequest(endpoint, result.error.issues, raw);
}
const codeOf = (endpoint: AnyEndpoint, raw: Record<string, unknown>) => {
  const outcome = reject(endpoint, raw);
  return outcome === 'accepted' ? outcome : outcome.code;
};

describe('contact fields', () => {
  test.each([
    ['2023-01-01', '2023-01-01'],
    ['2024-02-29', '2024-02-29'],
    ['12-06-2020', '2020-06-12'],
    ['2023-02-29', undefined],
    ['2023-13-01', undefined],
    ['2023-00-10', undefined],
    ['31-04-2023', undefined],
    ['2023/01/01', undefined],
    ['01/01/2023', undefined],
    ['2023-1-1', undefined],
    ['', undefined],
    ['0000-01-01', undefined],
  ])('the date %o is read as %o', (given, read) => {
    expect(contactDate(given)).toBe(read);
  });

  test.each([
    ['', true],
    ['http://example.com', true],
    ['https://example.com/a?b=c', true],
    ['HTTPS://EXAMPLE.COM', true],
    ['http://', false],
    ['ftp://example.com', false],
    ['www.example.com', false],
    [' http://example.com', false],
  ])('the url %o is accepted: %o', (given, accepted) => {
    expect(isContactUrl(given)).toBe(accepted);
  });

  test('createdAt is ISO 8601 with Paris offset, winter and summer', () => {
    expect(formatParisIsoDateTime(Date.parse('2025-03-12T12:49:22Z'))).toBe('2025-03-12T13:49:22+01:00');
    expect(formatParisIsoDateTime(Date.parse('2020-10-02T14:40:05.900Z'))).toBe('2020-10-02T16:40:05+02:00');
  });

  test('a nested field is a child of its parent in a code-9 elementId', () => {
    expect(elementIdFor('sender')).toBe('children[sender].data');
    expect(elementIdFor('contact', 'firstname')).toBe('children[contact].children[firstname].data');
  });
});

describe('contact requests → control code', () => {
  const contact = { phoneNumber: '0600000000' };
  test.each<[string, AnyEndpoint, Record<string, unknown>, number | 'accepted']>([
    ['Add Group without a key: 2 (its table)', addGroup, { name: 'x' }, 2],
    ['Add Group without a name', addGroup, { apiKey: 'k' }, 1],
    ['Add Group with a blank name', addGroup, { apiKey: 'k', name: '   ' }, 1],
    ['Add Group with a name that is not text', addGroup, { apiKey: 'k', name: 7 }, 1],
    ['Add Group with a name over 255 characters', addGroup, { apiKey: 'k', name: 'n'.repeat(256) }, 9],
    ['Add Group with a name of 255 characters', addGroup, { apiKey: 'k', name: 'n'.repeat(255) }, 'accepted'],
    ['Add Contact without groupId', addContact, { apiKey: 'k', contact }, 1],
    ['Add Contact without contact', addContact, { apiKey: 'k', groupId: '1' }, 2],
    ['Add Contact with an empty contact', addContact, { apiKey: 'k', groupId: '1', contact: {} }, 2],
    [
      'Add Contact with a blank number',
      addContact,
      { apiKey: 'k', groupId: '1', contact: { phoneNumber: ' ' } },
      2,
    ],
    ['Add Contact with an integer groupId', addContact, { apiKey: 'k', groupId: 6363, contact }, 'accepted'],
    ['Add Contact with an object groupId', addContact, { apiKey: 'k', groupId: {}, contact }, 404],
    [
      'Add Contact with a contact that is a string',
      addContact,
      { apiKey: 'k', groupId: '1', contact: 'x' },
      9,
    ],
    [
      'Add Contact with a first name of 33 characters',
      addContact,
      { apiKey: 'k', groupId: '1', contact: { ...contact, firstname: 'f'.repeat(33) } },
      9,
    ],
    [
      'Add Contact with a first name of 32 characters',
      addContact,
      { apiKey: 'k', groupId: '1', contact: { ...contact, firstname: 'f'.repeat(32) } },
      'accepted',
    ],
    [
      'Add Contact with a url without its scheme',
      addContact,
      { apiKey: 'k', groupId: '1', contact: { ...contact, url: 'example.com' } },
      9,
    ],
    [
      'Add Contact with a date of 30 February',
      addContact,
      { apiKey: 'k', groupId: '1', contact: { ...contact, date: '2023-02-30' } },
      9,
    ],
    ['Bulk with an empty list', addBulkContacts, { apiKey: 'k', groupId: '1', contactsList: [] }, 2],
    [
      'Bulk with a list that is not one',
      addBulkContacts,
      { apiKey: 'k', groupId: '1', contactsList: 'x' },
      2,
    ],
    [
      'Bulk with 501 items',
      addBulkContacts,
      { apiKey: 'k', groupId: '1', contactsList: Array.from({ length: 501 }, () => contact) },
      50,
    ],
    [
      'Bulk with 500 items',
      addBulkContacts,
      { apiKey: 'k', groupId: '1', contactsList: Array.from({ length: 500 }, () => contact) },
      'accepted',
    ],
    ['Edit Contact without contactId', updateContact, { apiKey: 'k', contact: { firstname: 'x' } }, 1],
    ['Edit Contact without contact', updateContact, { apiKey: 'k', contactId: '1' }, 2],
    [
      'Edit Contact with an empty number',
      updateContact,
      { apiKey: 'k', contactId: '1', contact: { phoneNumber: '' } },
      9,
    ],
    [
      'Edit Contact clearing its url',
      updateContact,
      { apiKey: 'k', contactId: '1', contact: { url: '' } },
      'accepted',
    ],
    ['Get Contact List without groupId', listContacts, { apiKey: 'k' }, 1],
    [
      'Get Contact List with any page',
      listContacts,
      { apiKey: 'k', groupId: '1', page: { a: 1 } },
      'accepted',
    ],
  ])('%s', (_label, endpoint, raw, code) => {
    expect(codeOf(endpoint, raw)).toBe(code);
  });

  test('one code-9 item per faulty nested field, named as a child of contact', () => {
    const outcome = reject(addContact, {
      apiKey: 'k',
      groupId: '1',
      contact: { phoneNumber: '0600000000', firstname: 'f'.repeat(40), date: 'soon', url: 'x' },
    });
    expect(outcome).toEqual({
      code: 9,
      message: 'At least one constraint was not respected',
      errors: [
        {
          elementId: 'children[contact].children[firstname].data',
          message: 'The first name cannot be longer than 32 characters',
        },
        {
          elementId: 'children[contact].children[date].data',
          message: 'The date must be a real date written YYYY-MM-DD',
        },
        {
          elementId: 'children[contact].children[url].data',
          message: 'The URL must start with http:// or https://',
        },
      ],
    });
  });

  test('children are named only where the entry says so: a nested RCS field is an item on its top-level field (send.md)', () => {
    expect(updateContact.childElementIds).toEqual(['contact']);
    const outcome = reject(sendRcs, {
      apiKey: 'k',
      phoneNumbers: ['+33612345678'],
      isUnicode: 1,
      richContent: { conversation: { text: 'Hello' } },
      failover: { sender: 'ab', message: 'x' },
    });
    expect(outcome).toEqual({
      code: 9,
      message: expect.any(String),
      errors: [
        { elementId: 'children[failover].data', message: 'The sender must be at least 3 characters long' },
      ],
    });
  });

  test('dates are read as YYYY-MM-DD, the page example form included', () => {
    const parsed = updateContact.request.parse({
      apiKey: 'k',
      contactId: 7,
      contact: { date: '12-06-2020' },
    });
    expect(parsed).toEqual({ apiKey: 'k', contactId: '7', contact: { date: '2020-06-12' } });
  });
});

describe('sub-account requests → control code', () => {
  const simple = { apiKey: 'k', type: 'simple' };
  const advanced = { apiKey: 'k', type: 'advanced', parameters: { email: 'a@b.cc', isBuyer: 0 } };
  test.each<[string, AnyEndpoint, Record<string, unknown>, number | 'accepted']>([
    ['create without a key', createSubaccount, { type: 'simple' }, 1],
    ['create without a type', createSubaccount, { apiKey: 'k' }, 4],
    ['create with an unknown type', createSubaccount, { apiKey: 'k', type: 'premium' }, 5],
    ['create with a type in capitals', createSubaccount, { apiKey: 'k', type: 'Simple' }, 5],
    ['a simple one without parameters', createSubaccount, simple, 'accepted'],
    [
      'an advanced one without parameters: isBuyer first',
      createSubaccount,
      { apiKey: 'k', type: 'advanced' },
      3,
    ],
    [
      'an advanced one without an e-mail',
      createSubaccount,
      { apiKey: 'k', type: 'advanced', parameters: { isBuyer: 1 } },
      6,
    ],
    [
      'an advanced one with a malformed e-mail',
      createSubaccount,
      { ...advanced, parameters: { ...advanced.parameters, email: 'not-an-address' } },
      6,
    ],
    [
      'an advanced one with isBuyer 2',
      createSubaccount,
      { ...advanced, parameters: { ...advanced.parameters, isBuyer: 2 } },
      3,
    ],
    ['an advanced one complete', createSubaccount, advanced, 'accepted'],
    [
      'isBuyer as a string digit',
      createSubaccount,
      { ...advanced, parameters: { ...advanced.parameters, isBuyer: '1' } },
      'accepted',
    ],
    ['creditToAttribute 0', createSubaccount, { ...simple, parameters: { creditToAttribute: 0 } }, 8],
    ['creditToAttribute -1', createSubaccount, { ...simple, parameters: { creditToAttribute: -1 } }, 8],
    ['creditToAttribute "abc"', createSubaccount, { ...simple, parameters: { creditToAttribute: 'abc' } }, 8],
    [
      'creditToAttribute "12.5"',
      createSubaccount,
      { ...simple, parameters: { creditToAttribute: '12.5' } },
      'accepted',
    ],
    [
      "a title that is an object: the mock's 400",
      createSubaccount,
      { ...simple, parameters: { title: {} } },
      400,
    ],
    ['parameters that are a string: 400', createSubaccount, { ...simple, parameters: 'x' }, 400],
    ['credit add without credit', addSubaccountCredit, { apiKey: 'k', tokenSubaccount: 't' }, 2],
    ['credit add without token', addSubaccountCredit, { apiKey: 'k', credit: 1 }, 3],
    ['credit add of 0', addSubaccountCredit, { apiKey: 'k', credit: 0, tokenSubaccount: 't' }, 5],
    ['credit add of "-5"', addSubaccountCredit, { apiKey: 'k', credit: '-5', tokenSubaccount: 't' }, 5],
    [
      'credit add of 7 decimals',
      addSubaccountCredit,
      { apiKey: 'k', credit: '0.0000001', tokenSubaccount: 't' },
      5,
    ],
    [
      'credit add of 1e-7 (a number)',
      addSubaccountCredit,
      { apiKey: 'k', credit: 1e-7, tokenSubaccount: 't' },
      5,
    ],
    [
      'credit add over a billion euros',
      addSubaccountCredit,
      { apiKey: 'k', credit: '1000000000.000001', tokenSubaccount: 't' },
      5,
    ],
    ['credit add as an object', addSubaccountCredit, { apiKey: 'k', credit: {}, tokenSubaccount: 't' }, 5],
    [
      'credit add of one micro-euro',
      addSubaccountCredit,
      { apiKey: 'k', credit: '0.000001', tokenSubaccount: 't' },
      'accepted',
    ],
  ])('%s', (_label, endpoint, raw, code) => {
    expect(codeOf(endpoint, raw)).toBe(code);
  });

  test('credit is read as integer micro-euros, from a number or a numeric string', () => {
    expect(
      addSubaccountCredit.request.parse({ apiKey: 'k', credit: '10', tokenSubaccount: 't' }).credit,
    ).toBe(10_000_000);
    expect(addSubaccountCredit.request.parse({ apiKey: 'k', credit: 0.1, tokenSubaccount: 't' }).credit).toBe(
      100_000,
    );
    expect(
      addSubaccountCredit.request.parse({ apiKey: 'k', credit: ' 2.345678 ', tokenSubaccount: 't' }).credit,
    ).toBe(2_345_678);
  });
});

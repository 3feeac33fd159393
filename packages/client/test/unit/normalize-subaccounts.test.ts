import { addSubaccountCredit, createSubaccount, listSubaccounts } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import {
  creditAmount,
  normalizeCreatedSubaccount,
  normalizeCreditMove,
  normalizeSubaccountPage,
} from '../../src/normalize/subaccounts.ts';

describe('creditAmount: euros as the API takes them, exact to the micro-euro', () => {
  test.each([
    [10, '10'],
    ['10', '10'],
    [' 2.50 ', '2.5'],
    [0.1 + 0.2, '0.3'],
    [0.000001, '0.000001'],
    ['1000000000', '1000000000'],
    ['007.100', '7.1'],
  ])('%o travels as %o', (given, wire) => {
    expect(creditAmount(given)).toBe(wire);
  });

  test.each([
    0,
    -1,
    '0',
    '-5',
    'abc',
    '1e3',
    '0.0000001',
    1000000000.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    '1,5',
  ])('%o is refused before it travels', (given) => {
    expect(() => creditAmount(given)).toThrow(RangeError);
  });
});

describe('answers in one shape', () => {
  test('creation, list and credit moves', () => {
    expect(normalizeCreatedSubaccount(createSubaccount.example.response)).toEqual({
      email: 'aaaa@bbb.ccc',
      token: 'token',
      confirmationSentTo: 'aaaa@bbb.ccc',
      parentEmail: 'emailparent@ddd.eee',
    });
    expect(normalizeSubaccountPage(listSubaccounts.example.response)).toEqual({
      page: 1,
      perPage: 20,
      total: 1,
      subaccounts: [
        {
          id: 1,
          token: 'token1',
          email: 'email1@example.com',
          type: 'simple',
          apiKey: 'SUBACCOUNT_API_KEY',
          createdAt: '2016-03-04 11:23:14',
          balance: '0.800',
          currency: 'EUR',
        },
      ],
    });
    expect(normalizeCreditMove(addSubaccountCredit.example.response)).toEqual({
      masterBalance: 2869.2,
      subaccountBalance: 61.8,
      currency: 'EUR',
    });
  });
});

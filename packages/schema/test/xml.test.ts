import { describe, expect, test } from 'vitest';
import {
  addSubaccountCredit,
  cancelSms,
  createSubaccount,
  decodeXml,
  encodeXml,
  entriesToJson,
  errorEnvelope,
  listSubaccounts,
  sendSms,
  XmlDecodeError,
} from '../src/index.ts';

const DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>";

describe('encodeXml', () => {
  test("a success body: one entry per value in key order, strings in CDATA (the seed's cancel answer)", () => {
    expect(encodeXml({ success: true, code: 200, message: 'The SMS sending has been canceled.' })).toBe(
      `${DECLARATION}\n<result>\n  <entry>true</entry>\n  <entry>200</entry>\n  <entry><![CDATA[The SMS sending has been canceled.]]></entry>\n</result>\n`,
    );
  });

  test("a failure body: strings bare (the seed's error answer)", () => {
    expect(encodeXml({ success: false, code: 10, message: 'Invalid API key' })).toBe(
      `${DECLARATION}\n<result>\n  <entry>false</entry>\n  <entry>10</entry>\n  <entry>Invalid API key</entry>\n</result>\n`,
    );
  });

  test('a code-9 list: nested anonymous entries', () => {
    const xml = encodeXml({
      success: false,
      code: 9,
      error: [{ elementId: 'children[message].data', message: 'The message is required' }],
    });
    expect(xml).toBe(
      `${DECLARATION}\n<result>\n  <entry>false</entry>\n  <entry>9</entry>\n  <entry>\n    <entry>\n      <entry>children[message].data</entry>\n      <entry>The message is required</entry>\n    </entry>\n  </entry>\n</result>\n`,
    );
  });

  test('omit: the fields at dotted paths are left out, the body itself untouched', () => {
    const body = { success: true, code: 200, credits: { a: 1, alias: 1, b: 'x' }, alias: 2 };
    const xml = encodeXml(body, { omit: ['credits.alias', 'missing.path', 'code.deeper'] });
    expect(decodeXml(xml)).toEqual([true, 200, [1, 'x'], 2]);
    expect(decodeXml(encodeXml(body, { omit: ['alias'] }))).toEqual([true, 200, [1, 1, 'x']]);
    expect(body.credits).toEqual({ a: 1, alias: 1, b: 'x' });
  });

  test.each([
    [
      'markup in a failure message is escaped',
      { success: false, code: 9, message: '<b>&</b>' },
      '<entry>&lt;b&gt;&amp;&lt;/b&gt;</entry>',
    ],
    [
      '"]]>" inside CDATA is split across two sections',
      { success: true, code: 200, message: 'a]]>b' },
      '<entry><![CDATA[a]]]]><![CDATA[>b]]></entry>',
    ],
    [
      'undefined values are left out',
      { success: true, code: 200, message: undefined },
      '<entry>200</entry>\n</result>',
    ],
  ])('%s', (_label, body, fragment) => {
    expect(encodeXml(body)).toContain(fragment);
  });
});

describe('decodeXml', () => {
  test.each([
    [
      'the seed success',
      `${DECLARATION}\n<result>\n  <entry>true</entry>\n  <entry>200</entry>\n  <entry><![CDATA[The SMS sending has been canceled.]]></entry>\n</result>`,
      [true, 200, 'The SMS sending has been canceled.'],
    ],
    [
      'the seed error',
      `${DECLARATION}<result><entry>false</entry><entry>10</entry><entry>Invalid API key</entry></result>`,
      [false, 10, 'Invalid API key'],
    ],
    [
      'CDATA on its own lines (the community send sample)',
      '<result><entry>true</entry><entry>200</entry><entry>306</entry><entry>1</entry><entry>0.038</entry><entry>\n        <![CDATA[EUR]]>\n  </entry></result>',
      [true, 200, 306, 1, 0.038, 'EUR'],
    ],
    [
      'a numeric CDATA string stays a string',
      '<result><entry><![CDATA[10225.119]]></entry></result>',
      ['10225.119'],
    ],
    [
      'named elements inside an entry (the credits user block)',
      '<result><entry><username>a@b.fr</username><firstname>John</firstname></entry></result>',
      [['a@b.fr', 'John']],
    ],
    ['entities', '<result><entry>a &amp; b &lt; c &#233; &#x20AC;</entry></result>', ['a & b < c é €']],
    ['an empty result', "<?xml version='1.0'?><result/>", []],
  ])('%s', (_label, xml, entries) => {
    expect(decodeXml(xml)).toEqual(entries);
  });

  test.each([
    ['not XML', '{"success":true}'],
    ['another root', '<answer><entry>1</entry></answer>'],
    ['unterminated', '<result><entry>true</entry>'],
    ['mismatched tags', '<result><entry>true</item></result>'],
    ['text after the root', '<result></result>trailing'],
    ['unterminated CDATA', '<result><entry><![CDATA[abc</entry></result>'],
  ])('refuses %s with XmlDecodeError', (_label, xml) => {
    expect(() => decodeXml(xml)).toThrow(XmlDecodeError);
  });
});

describe('entriesToJson: entries back to the JSON shape of an endpoint', () => {
  test.each([
    [
      'cancel success',
      cancelSms.response,
      { success: true, code: 200, message: 'The SMS sending has been canceled.' },
    ],
    [
      'send success with the scheduled echo',
      sendSms.response,
      {
        success: true,
        code: 200,
        message_id: 2270142,
        nb_sms: 1,
        cost: 0.04,
        currency: 'EUR',
        scheduledDeliveryDate: '2018-08-18 20:00:00',
      },
    ],
    [
      'send success without it',
      sendSms.response,
      { success: true, code: 200, message_id: 307, nb_sms: 1, cost: 0.038, currency: 'EUR' },
    ],
    ['an error', errorEnvelope, { success: false, code: 10, message: 'Invalid API key' }],
    ['a sub-account list (nested objects)', listSubaccounts.response, listSubaccounts.example.response],
    [
      'an empty sub-account list (an empty entry)',
      listSubaccounts.response,
      { success: true, code: 200, total: 0, nb_per_page: 20, page: 3, data: [] },
    ],
    ['a credit move', addSubaccountCredit.response, addSubaccountCredit.example.response],
    ['a sub-account creation', createSubaccount.response, createSubaccount.example.response],
  ])('%s round-trips through XML', (_label, schema, body) => {
    const decoded = entriesToJson(schema, decodeXml(encodeXml(body)));
    expect(schema.parse(decoded)).toEqual(body);
  });

  test('a string that looks like a number stays a string where the schema wants a string', () => {
    expect(entriesToJson(cancelSms.response, [true, 200, 12345])).toEqual({
      success: true,
      code: 200,
      message: '12345',
    });
  });
});

import { describe, expect, test } from 'vitest';
import {
  checkPhoneNumber,
  DEFAULT_STOP_MENTION,
  normalizeError,
  prepareMessage,
  splitPhoneNumbers,
} from '../src/index.ts';

describe('prepareMessage: counting', () => {
  test.each([
    ['159 GSM', 'a'.repeat(159), false, 159, 1],
    ['160 GSM', 'a'.repeat(160), false, 160, 1],
    ['161 GSM', 'a'.repeat(161), false, 161, 2],
    ['306 GSM', 'a'.repeat(306), false, 306, 2],
    ['307 GSM', 'a'.repeat(307), false, 307, 3],
    ['1530 GSM (10 parts)', 'a'.repeat(1530), false, 1530, 10],
    ['1531 GSM (11 parts)', 'a'.repeat(1531), false, 1531, 11],
    ['€ is an extension character: it counts 2', '€'.repeat(80), false, 160, 1],
    ['81 € are 162 septets: 2 parts', '€'.repeat(81), false, 162, 2],
    [':euro: counts 2', ':euro:'.repeat(81), false, 162, 2],
    [':br: counts 2', `${'a'.repeat(158)}:br:`, false, 160, 1],
    [':br: counts 2 (one over)', `${'a'.repeat(159)}:br:`, false, 161, 2],
    ['70 Unicode', 'é'.repeat(70), true, 70, 1],
    ['71 Unicode', 'é'.repeat(71), true, 71, 2],
    ['134 Unicode (2 × 67)', 'ж'.repeat(134), true, 134, 2],
    ['135 Unicode', 'ж'.repeat(135), true, 135, 3],
    ['670 Unicode (10 parts)', 'ж'.repeat(670), true, 670, 10],
    ['671 Unicode (11 parts)', 'ж'.repeat(671), true, 671, 11],
    ['an emoji is two UTF-16 units', '😀'.repeat(35), true, 70, 1],
    // 3GPP TS 23.038: an extension character's escape and character travel in one part.
    [
      '152 a + € + 152 a: the € cannot straddle parts 1 and 2, so 3 parts',
      `${'a'.repeat(152)}€${'a'.repeat(152)}`,
      false,
      306,
      3,
    ],
    [
      '153 a + € + 151 a: the € starts part 2, which then holds 153 septets',
      `${'a'.repeat(153)}€${'a'.repeat(151)}`,
      false,
      306,
      2,
    ],
    ['151 a + € + 153 a: the € ends part 1', `${'a'.repeat(151)}€${'a'.repeat(153)}`, false, 306, 2],
    [
      '76 € then a: 152 septets, one free: 2 parts of 153 and 9',
      `${'€'.repeat(76)}a${'€'.repeat(4)}`,
      false,
      161,
      2,
    ],
    [
      'a surrogate pair never straddles two Unicode parts',
      `${'ж'.repeat(66)}😀${'ж'.repeat(66)}`,
      true,
      134,
      3,
    ],
    ['ж then 😀 ending part 1 exactly', `${'ж'.repeat(65)}😀${'ж'.repeat(67)}`, true, 134, 2],
  ])('%s', (_label, message, unicode, units, parts) => {
    expect(prepareMessage(message, { unicode })).toMatchObject({
      units,
      parts,
      encoding: unicode ? 'unicode' : 'gsm',
    });
  });

  test('the STOP mention is appended and counted', () => {
    const prepared = prepareMessage('a'.repeat(146), { stopMention: DEFAULT_STOP_MENTION });
    expect(prepared.text).toBe(`${'a'.repeat(146)} STOP au 36180`);
    expect(prepared).toMatchObject({ units: 160, parts: 1 });
    expect(prepareMessage('a'.repeat(147), { stopMention: DEFAULT_STOP_MENTION })).toMatchObject({
      units: 161,
      parts: 2,
    });
  });
});

describe('prepareMessage: special characters', () => {
  test.each([
    [
      'accents outside GSM become plain letters',
      'Ça coûte très cher, où ôter?',
      'Ça coute très cher, où oter?',
      [
        ['û', 'u'],
        ['ô', 'o'],
      ],
    ],
    ['ç becomes Ç (the table says so)', 'garçon', 'garÇon', [['ç', 'Ç']]],
    [
      'brackets and braces become parentheses',
      '[a]{b}',
      '(a)(b)',
      [
        ['[', '('],
        [']', ')'],
        ['{', '('],
        ['}', ')'],
      ],
    ],
    [
      '^ ~ | \\ are removed',
      'a^b~c|d\\e',
      'abcde',
      [
        ['^', ''],
        ['~', ''],
        ['|', ''],
        ['\\', ''],
      ],
    ],
    [
      "typographic quotes become the table's own glyphs: ’ ` “ → ‘ (U+2018), « » → “ (U+201C), ‘ stays",
      '’`«»“‘',
      '‘‘““‘‘',
      [
        ['’', '‘'],
        ['`', '‘'],
        ['«', '“'],
        ['»', '“'],
        ['“', '‘'],
      ],
    ],
    ['œ becomes two letters', 'cœur', 'coeur', [['œ', 'oe']]],
    ['° becomes a dot', '20°', '20.', [['°', '.']]],
  ])('%s', (_label, message, text, replaced) => {
    const prepared = prepareMessage(message);
    expect(prepared.text).toBe(text);
    expect(prepared.replaced).toEqual(replaced.map(([char, by]) => ({ char, by })));
    expect(prepared.unsupported).toEqual([]);
  });

  test("the table's own targets ‘ and “ are sent as GSM ' and \": one septet each, not unsupported", () => {
    expect(prepareMessage('“Hi”'.replace('”', '“'))).toMatchObject({
      text: '‘Hi‘',
      units: 4,
      unsupported: [],
    });
    expect(prepareMessage('«'.repeat(160))).toMatchObject({ units: 160, parts: 1 });
  });

  test('a character neither GSM nor in the table is sent as "?" and listed', () => {
    expect(prepareMessage('Hi 😀 ж')).toMatchObject({ text: 'Hi ? ?', unsupported: ['😀', 'ж'], units: 6 });
  });

  test('Unicode sends keep every character', () => {
    expect(prepareMessage('Ça coûte 😀', { unicode: true })).toMatchObject({
      text: 'Ça coûte 😀',
      replaced: [],
      unsupported: [],
    });
  });
});

describe('phone numbers', () => {
  test.each([
    ['FR national mobile', '0612345678', '+33612345678'],
    ['FR international', '+33612345678', '+33612345678'],
    ['FR national with spaces', '06 12 34 56 78', '+33612345678'],
    ['DE international', '+4915112345678', '+4915112345678'],
  ])('valid: %s', (_label, input, e164) => {
    expect(checkPhoneNumber(input)).toMatchObject({ valid: true, e164 });
  });

  test.each([
    ['the docs example', '922264'],
    ['a non-FR national number', '015112345678'],
    ['letters', 'call me'],
    ['empty', ''],
    ['too short FR', '061234'],
  ])('invalid: %s', (_label, input) => {
    expect(checkPhoneNumber(input).valid).toBe(false);
  });

  test('splits on commas and drops empty items', () => {
    expect(splitPhoneNumbers(' 0612345678, ,+33698765432,')).toEqual(['0612345678', '+33698765432']);
  });
});

describe('normalizeError', () => {
  const item = { elementId: 'children[message].data', message: 'Le message est requis' };
  test.each([
    ['the recorded key `error`', { success: false as const, code: 9, error: [item] }],
    ['the community key `errors`', { success: false as const, code: 9, errors: [item] }],
  ])('folds %s into `errors`', (_label, body) => {
    expect(normalizeError(body)).toEqual({ code: 9, message: undefined, errors: [item] });
  });
});

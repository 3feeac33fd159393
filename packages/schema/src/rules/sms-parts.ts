/**
 * SMS part counting [GSM 03.38 / 3GPP TS 23.038, SMS Partner send pages]:
 * GSM-7 holds 160 septets in one SMS and 153 per part once concatenated;
 * Unicode (UCS-2) holds 70 characters in one SMS and 67 per part. Characters of
 * the GSM extension table cost two septets. SMS Partner's markers count too:
 * `:br:` (a line break) counts 2, `:euro:` (€, an extension character) counts 2.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

let basicSet: Set<string> | undefined;
let extensionSet: Set<string> | undefined;

/** How many septets a character takes in GSM-7: 1, 2 (extension table), or undefined (not GSM). */
export function gsmSeptets(char: string): 1 | 2 | undefined {
  basicSet ??= new Set(GSM_BASIC);
  extensionSet ??= new Set(GSM_EXTENSION);
  if (basicSet.has(char)) return 1;
  if (extensionSet.has(char)) return 2;
  return undefined;
}

/** SMS Partner's limits per encoding. */
export const SMS_LIMITS = {
  gsm: { single: 160, perPart: 153 },
  unicode: { single: 70, perPart: 67 },
  maxParts: 10,
} as const;

/**
 * SMS Partner's replacement table (the "Special Characters" page, community
 * copy), applied to GSM sends before counting, with its targets as the page
 * prints them: ’ ` ‘ and “ become ‘ (U+2018), « and » become “ (U+201C). Those
 * two are not GSM-7 characters: GSM encoders send them as ' and ", so each
 * counts one septet (see {@link TRANSLITERATED}). An empty target means the
 * character is removed.
 */
export const SPECIAL_CHARACTER_REPLACEMENTS: ReadonlyArray<readonly [from: string, to: string]> = [
  ['ą', 'à'],
  ['’', '‘'],
  ['ÿ', 'y'],
  ['ç', 'Ç'],
  ['û', 'u'],
  ['ü', 'u'],
  ['ï', 'i'],
  ['ô', 'o'],
  ['ö', 'o'],
  ['ó', 'o'],
  ['î', 'i'],
  ['ë', 'e'],
  ['ê', 'e'],
  ['[', '('],
  [']', ')'],
  ['{', '('],
  ['}', ')'],
  ['`', '‘'],
  ['µ', 'u'],
  ['Ä', 'A'],
  ['À', 'A'],
  ['Á', 'A'],
  ['Â', 'A'],
  ['Ã', 'A'],
  ['È', 'E'],
  ['Ê', 'E'],
  ['Ë', 'E'],
  ['Î', 'I'],
  ['Ü', 'U'],
  ['Ù', 'U'],
  ['Ú', 'U'],
  ['Û', 'U'],
  ['Ý', 'Y'],
  ['ä', 'a'],
  ['á', 'a'],
  ['â', 'a'],
  ['ã', 'a'],
  ['Ö', 'O'],
  ['Ô', 'O'],
  ['œ', 'oe'],
  ['^', ''],
  ['~', ''],
  ['|', ''],
  ['\\', ''],
  ['¨', ''],
  ['°', '.'],
  ['‘', '‘'],
  ['“', '‘'],
  ['ñ', 'n'],
  ['Ñ', 'N'],
  ['§', ''],
  ['«', '“'],
  ['»', '“'],
];

/**
 * Characters the replacement table writes that GSM-7 lacks, and the GSM
 * character an encoder sends for each: one septet apiece.
 */
export const TRANSLITERATED: ReadonlyMap<string, string> = new Map([
  ['‘', "'"],
  ['“', '"'],
]);

/**
 * What a GSM send does with a character that is neither GSM-7 nor in the
 * replacement table (an emoji, Cyrillic…): the docs do not say. The mock
 * sends "?" in its place and the estimator lists it, so callers see the loss
 * and can choose `isUnicode`.
 */
export const UNSUPPORTED_CHARACTER_REPLACEMENT = '?';

/**
 * The STOP mention appended when `isStopSms=1`. Its wording is not
 * documented; this default (14 characters with its leading space) is this
 * project's assumption, and the mock's config can change it.
 */
export const DEFAULT_STOP_MENTION = ' STOP au 36180';

let replacementMap: Map<string, string> | undefined;

export interface PreparedMessage {
  /** The text as it would be sent: markers expanded, replacements applied, STOP mention appended. */
  text: string;
  encoding: 'gsm' | 'unicode';
  /** Septets (GSM) or UTF-16 code units (Unicode). */
  units: number;
  parts: number;
  /** Characters the replacement table changed, with their replacement, once each, in order of appearance. */
  replaced: { char: string; by: string }[];
  /** Characters a GSM send cannot carry, sent as "?" (empty in Unicode). */
  unsupported: string[];
}

/**
 * Counts parts the way a concatenating encoder fills them: one SMS up to
 * `single` units; beyond, parts of `perPart` units each, where a character
 * never straddles two parts (a GSM extension character's two septets, a
 * surrogate pair's two UTF-16 units: 3GPP TS 23.038).
 */
class PartCounter {
  units = 0;
  #parts = 1;
  #used = 0;
  constructor(readonly limits: { readonly single: number; readonly perPart: number }) {}
  add(cost: number): void {
    this.units += cost;
    if (this.#used + cost > this.limits.perPart) {
      this.#parts++;
      this.#used = cost;
    } else {
      this.#used += cost;
    }
  }
  get parts(): number {
    return this.units <= this.limits.single ? 1 : this.#parts;
  }
}

/**
 * Prepares a message the way SMS Partner sends it and counts its parts.
 * `unicode` is the request's `isUnicode` flag; `stopMention` is appended
 * (and counted) when given.
 */
export function prepareMessage(
  message: string,
  options: { unicode?: boolean; stopMention?: string } = {},
): PreparedMessage {
  const source = expandMarkers(message) + (options.stopMention ?? '');
  if (options.unicode) {
    const counter = new PartCounter(SMS_LIMITS.unicode);
    for (const char of source) counter.add(char.length);
    return {
      text: source,
      encoding: 'unicode',
      units: counter.units,
      parts: counter.parts,
      replaced: [],
      unsupported: [],
    };
  }
  replacementMap ??= new Map(SPECIAL_CHARACTER_REPLACEMENTS);
  // Built as a list and joined once: a string grown one character at a time is
  // a rope of fragments, which costs memory wherever the text is kept.
  const out: string[] = [];
  let changed = false;
  const counter = new PartCounter(SMS_LIMITS.gsm);
  const replaced = new Map<string, string>();
  const unsupported = new Set<string>();
  for (const char of source) {
    const target = replacementMap.get(char);
    const sent = target ?? (gsmSeptets(char) === undefined ? UNSUPPORTED_CHARACTER_REPLACEMENT : char);
    if (target !== undefined) {
      if (target !== char) replaced.set(char, target);
    } else if (sent !== char) unsupported.add(char);
    if (sent !== char) changed = true;
    for (const sentChar of sent) counter.add(gsmSeptets(sentChar) ?? 1);
    out.push(sent);
  }
  const text = changed ? out.join('') : source;
  return {
    text,
    encoding: 'gsm',
    units: counter.units,
    parts: counter.parts,
    replaced: [...replaced].map(([char, by]) => ({ char, by })),
    unsupported: [...unsupported],
  };
}

/** Expands SMS Partner's text markers: `:br:` → line break (CR LF, two characters), `:euro:` → €. */
export function expandMarkers(message: string): string {
  return message.replaceAll(':br:', '\r\n').replaceAll(':euro:', '€');
}

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

export interface MessageCount {
  encoding: 'gsm' | 'unicode';
  /** Septets (GSM) or UTF-16 code units (Unicode), markers expanded. */
  units: number;
  parts: number;
  /** Characters that are not GSM-7 (only meaningful when `encoding` is `gsm`). */
  nonGsm: string[];
}

/** Expands SMS Partner's text markers: `:br:` → line break, `:euro:` → €. */
export function expandMarkers(message: string): string {
  return message.replaceAll(':br:', '\r\n').replaceAll(':euro:', '€');
}

/**
 * Counts the parts of a message. `unicode` is the request's `isUnicode` flag.
 * `:br:` expands to CR LF, two characters in either encoding.
 */
export function countMessage(message: string, options: { unicode?: boolean } = {}): MessageCount {
  const text = expandMarkers(message);
  if (options.unicode) {
    const units = text.length;
    const parts = units <= SMS_LIMITS.unicode.single ? 1 : Math.ceil(units / SMS_LIMITS.unicode.perPart);
    return { encoding: 'unicode', units, parts, nonGsm: [] };
  }
  let units = 0;
  const nonGsm: string[] = [];
  for (const char of text) {
    const septets = gsmSeptets(char);
    if (septets === undefined) nonGsm.push(char);
    units += septets ?? 1;
  }
  const parts = units <= SMS_LIMITS.gsm.single ? 1 : Math.ceil(units / SMS_LIMITS.gsm.perPart);
  return { encoding: 'gsm', units, parts, nonGsm };
}

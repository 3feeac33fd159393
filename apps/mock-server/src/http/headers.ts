import { bounded, printable, type SecretScrubber, wellFormed } from './secrets.js';

/** The undocumented fields of a request, a few of them by name. */
export const UNKNOWN_PARAMS_HEADER = 'X-Mock-Unknown-Params';
/** How many undocumented fields the request had (the header names only the first few). */
export const UNKNOWN_COUNT_HEADER = 'X-Mock-Unknown-Params-Count';
/** A request the mock accepted although the real API may not (e.g. a JSON body sent as form data). */
export const WARNING_HEADER = 'X-Mock-Warning';

/**
 * Every header value the mock writes from request input stays within this many
 * bytes, far below the 16 KiB that Node's and undici's parsers accept for a
 * whole header block: the full list is in the request journal.
 */
export const HEADER_VALUE_LIMIT = 1024;
/** Names listed in {@link UNKNOWN_PARAMS_HEADER} at most. */
export const UNKNOWN_NAMES_LISTED = 10;
/** Characters kept of one listed name. */
export const UNKNOWN_NAME_LENGTH = 64;

/** A percent-encoded form of any string, lone surrogates included (they become U+FFFD). */
export function headerSafe(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

/**
 * The headers that report undocumented fields: a few names, each shortened,
 * percent-encoded and free of keys, in at most {@link HEADER_VALUE_LIMIT} bytes, and the count.
 */
export function unknownParamsHeaders(
  names: readonly string[],
  scrub: SecretScrubber,
): Record<string, string> {
  if (names.length === 0) return {};
  const listed: string[] = [];
  let size = 0;
  for (const name of names.slice(0, UNKNOWN_NAMES_LISTED)) {
    const shown = headerSafe(bounded(scrub.text(name), UNKNOWN_NAME_LENGTH));
    if (size + shown.length + 1 > HEADER_VALUE_LIMIT) break;
    listed.push(shown);
    size += shown.length + 1;
  }
  return {
    [UNKNOWN_PARAMS_HEADER]: scrub.text(listed.join(',')),
    [UNKNOWN_COUNT_HEADER]: String(names.length),
  };
}

/** One line of warning for {@link WARNING_HEADER}, ASCII and bounded. */
export function warningHeader(text: string): string {
  return printable(text)
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, HEADER_VALUE_LIMIT);
}

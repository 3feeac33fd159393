import { REDACTED } from '@smspartner-kit/schema';

/**
 * Keeps every API key out of what the mock writes: log lines, answer bodies,
 * headers, the journal, the admin API. Keys are removed two ways:
 *
 * - by name: the value of any query parameter whose name, once decoded and
 *   stripped of punctuation, contains `apikey` (`apiKey[]`, `api_key`,
 *   `__proto__[apiKey]`, `api%4Bey`, …), known key or not;
 * - by value: every key the mock serves (configured or added at run time), in
 *   each form it can take on the way out (raw, JSON- or XML-escaped, `+` for a
 *   space, percent-encoded at any depth and in either case), wherever it
 *   appears (a path segment, a field name, a field value echoed by code 9).
 *
 * Keys shorter than {@link MIN_KEY_LENGTH} characters are only removed by name:
 * replacing a 3-letter key everywhere would garble every line.
 */
export const MIN_KEY_LENGTH = 4;

/** Up to this many distinct two-character heads, texts are searched head by head (see `heads`). */
const HEAD_SEARCH_LIMIT = 64;

/** Keys remembered after their account is gone (the oldest are forgotten first). */
const MAX_REMEMBERED_KEYS = 10_000;

/** Longest URL or path a log line or an answer repeats, in characters. */
export const DISPLAY_LIMIT = 2048;

export interface SecretScrubber {
  /**
   * The text with every known key, in every form, replaced by `REDACTED`;
   * except the keys of `allow`, which this one text may show (the one answer
   * the docs give a key in: a master's Sub-account List shows its sub-accounts' keys).
   */
  text(value: string, allow?: ReadonlySet<string>): string;
  /** A request URL (or path) as it may be shown: keys removed by name and value, control characters escaped, bounded. */
  url(raw: string): string;
}

/** Where the known keys come from: re-read whenever `version` changes. */
export interface KeySource {
  readonly keysVersion: number;
  apiKeys(): Iterable<string>;
}

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
/** What only the slow path of {@link SecretScrubber.url} handles: escapes, `+`, anything outside printable ASCII. */
const NEEDS_DECODING = /[^\x21-\x24\x26-\x2a\x2c-\x7e]/;

const UTF8 = new TextDecoder();

/** One run of `%XX` escapes as UTF-8 (bad sequences become U+FFFD): no Buffer, so it also runs in browsers. */
function decodeRun(run: string): string {
  const bytes = new Uint8Array(run.length / 3);
  for (let at = 0; at < bytes.length; at++)
    bytes[at] = Number.parseInt(run.slice(at * 3 + 1, at * 3 + 3), 16);
  return UTF8.decode(bytes);
}

/** Percent-decodes every `%XX` run, tolerating bad UTF-8 (it becomes U+FFFD), repeated until stable (four rounds at most). */
export function decodeFully(text: string): string {
  let current = text;
  for (let round = 0; round < 4 && current.includes('%'); round++) {
    const next = current.replace(PERCENT_RUN, decodeRun);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** A name that carries a key: `apiKey`, `api_key`, `apiKey[]`, `__proto__[apiKey]`, `X-Api-Key`… */
export function isKeyName(name: string): boolean {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .includes('apikey');
}

/** Replaces the value of every `name=value` pair whose name carries a key; pairs split on `&`, `;`, `#` and `?`. */
function redactByName(query: string): string {
  let out = '';
  let copied = 0;
  let start = 0;
  for (let at = 0; at <= query.length; at++) {
    const char = at < query.length ? query.charCodeAt(at) : 38;
    if (char !== 38 && char !== 59 && char !== 35 && char !== 63) continue; // & ; # ?
    const equals = query.indexOf('=', start);
    if (equals >= 0 && equals < at) {
      const name = query.slice(start, equals);
      if (isKeyName(name.includes('%') ? decodeFully(name) : name)) {
        out += `${query.slice(copied, equals + 1)}${REDACTED}`;
        copied = at;
      }
    }
    start = at + 1;
  }
  return copied === 0 ? query : out + query.slice(copied);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate replaced by U+FFFD (what `String.prototype.toWellFormed` does). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Control characters, lone surrogates and line separators, escaped so one request is one log line. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what the function escapes
  return wellFormed(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char: string) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** Bounds a display string, marking the cut. */
export function bounded(text: string, limit = DISPLAY_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…(${text.length - limit} more)`;
}

function formsOf(key: string): string[] {
  const forms = new Set([key, key.replace(/ /g, '+')]);
  for (const form of [...forms]) {
    forms.add(JSON.stringify(form).slice(1, -1));
    forms.add(
      form.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
    );
  }
  return [...forms];
}

/**
 * Builds the scrubber. Matching is one pass over the text with an index of
 * the forms by their first two characters, so its cost does not grow with the
 * number of accounts.
 */
export function createSecretScrubber(source: KeySource): SecretScrubber {
  let version = -1;
  let index = new Map<number, string[]>();
  /**
   * The distinct first two characters of the forms. While there are few (a
   * mock serves a handful of keys), the text is searched for each with the
   * engine's own `indexOf`, many times faster than reading it character by
   * character in JavaScript (an answer of several kilobytes, such as a page of
   * contacts, would spend more time being scrubbed than being built).
   */
  let heads: string[] = [];
  /** The key each form spells. */
  let owner = new Map<string, string>();
  let shortest = Number.POSITIVE_INFINITY;

  // Every key ever served, not only today's: a key removed by a reset still appears in old requests.
  const known = new Set<string>();
  const refresh = () => {
    if (version === source.keysVersion) return;
    version = source.keysVersion;
    for (const key of source.apiKeys()) if (key.length >= MIN_KEY_LENGTH) known.add(key);
    while (known.size > MAX_REMEMBERED_KEYS) known.delete(known.values().next().value as string);
    index = new Map();
    owner = new Map();
    shortest = Number.POSITIVE_INFINITY;
    const headSet = new Set<string>();
    for (const key of known) {
      for (const form of formsOf(key)) {
        owner.set(form, key);
        const head = (form.charCodeAt(0) << 16) | form.charCodeAt(1);
        headSet.add(form.slice(0, 2));
        const list = index.get(head) ?? [];
        list.push(form);
        // Longest first, so an escaped form is replaced whole before a shorter one inside it.
        list.sort((a, b) => b.length - a.length);
        index.set(head, list);
        shortest = Math.min(shortest, form.length);
      }
    }
    heads = [...headSet];
  };

  /** Where a form may start: every position when there are many heads, else where a head is. */
  const candidates = (text: string): readonly number[] | undefined => {
    if (heads.length > HEAD_SEARCH_LIMIT) return undefined;
    const found: number[] = [];
    for (const head of heads) {
      for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) found.push(at);
    }
    return found.sort((a, b) => a - b);
  };

  const replaceForms = (text: string, allow: ReadonlySet<string> | undefined): string => {
    if (text.length < shortest) return text;
    let out = '';
    let from = 0;
    /** Positions before this one are inside a form already handled. */
    let next = 0;
    const at = (position: number): void => {
      if (position < next) return;
      const forms = index.get((text.charCodeAt(position) << 16) | text.charCodeAt(position + 1));
      const found = forms?.find((form) => text.startsWith(form, position));
      if (found === undefined) return;
      next = position + found.length;
      // An allowed key stays, and nothing inside it is looked at again.
      if (allow?.has(owner.get(found) as string)) return;
      out += text.slice(from, position) + REDACTED;
      from = next;
    };
    const positions = candidates(text);
    if (positions) for (const position of positions) at(position);
    else for (let position = 0; position <= text.length - shortest; position++) at(position);
    return from === 0 ? text : out + text.slice(from);
  };

  const text = (value: string, allow?: ReadonlySet<string>): string => {
    refresh();
    if (index.size === 0) return value;
    const out = replaceForms(value, allow);
    if (!out.includes('%')) return out;
    // A key hidden behind percent-encoding: the encoded runs cannot be mapped back
    // one by one, so every token holding an encoded character goes.
    const decoded = decodeFully(out);
    if (replaceForms(decoded, allow) === decoded) return out;
    return out.replace(/[^\s"'<>(),;&=?#/]*%[0-9A-Fa-f]{2}[^\s"'<>(),;&=?#/]*/g, REDACTED);
  };

  const url = (raw: string): string => {
    // Most URLs are plain ASCII without escapes: one pass by name, one by value.
    if (!NEEDS_DECODING.test(raw)) return bounded(text(redactByName(raw)));
    const named = redactByName(raw);
    const display = decodeFully(named);
    return bounded(printable(redactByName(text(display))));
  };

  return { text, url };
}

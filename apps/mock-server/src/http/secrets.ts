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

/** Keys remembered after their account is gone (the oldest are forgotten first). */
const MAX_REMEMBERED_KEYS = 10_000;

/** Longest URL or path a log line or an answer repeats, in characters. */
export const DISPLAY_LIMIT = 2048;

export interface SecretScrubber {
  /** The text with every known key, in every form, replaced by `REDACTED`. */
  text(value: string): string;
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
  let shortest = Number.POSITIVE_INFINITY;

  // Every key ever served, not only today's: a key removed by a reset still appears in old requests.
  const known = new Set<string>();
  const refresh = () => {
    if (version === source.keysVersion) return;
    version = source.keysVersion;
    for (const key of source.apiKeys()) if (key.length >= MIN_KEY_LENGTH) known.add(key);
    while (known.size > MAX_REMEMBERED_KEYS) known.delete(known.values().next().value as string);
    index = new Map();
    shortest = Number.POSITIVE_INFINITY;
    for (const key of known) {
      for (const form of formsOf(key)) {
        const head = (form.charCodeAt(0) << 16) | form.charCodeAt(1);
        const list = index.get(head) ?? [];
        list.push(form);
        // Longest first, so an escaped form is replaced whole before a shorter one inside it.
        list.sort((a, b) => b.length - a.length);
        index.set(head, list);
        shortest = Math.min(shortest, form.length);
      }
    }
  };

  const replaceForms = (text: string): string => {
    if (text.length < shortest) return text;
    let out = '';
    let from = 0;
    const last = text.length - shortest;
    for (let at = 0; at <= last; at++) {
      const forms = index.get((text.charCodeAt(at) << 16) | text.charCodeAt(at + 1));
      if (forms === undefined) continue;
      const found = forms.find((form) => text.startsWith(form, at));
      if (found === undefined) continue;
      out += text.slice(from, at) + REDACTED;
      from = at + found.length;
      at = from - 1;
    }
    return from === 0 ? text : out + text.slice(from);
  };

  const text = (value: string): string => {
    refresh();
    if (index.size === 0) return value;
    const out = replaceForms(value);
    if (!out.includes('%')) return out;
    // A key hidden behind percent-encoding: the encoded runs cannot be mapped back
    // one by one, so every token holding an encoded character goes.
    const decoded = decodeFully(out);
    if (replaceForms(decoded) === decoded) return out;
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

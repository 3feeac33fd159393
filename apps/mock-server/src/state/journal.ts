import type { Account } from './accounts.js';
import { sha256Hex } from './sha256.js';

/**
 * One request as the journal keeps it: the URL and field names as received
 * (bounded), scrubbed of keys when shown, so recording costs the hot path
 * nothing but an object.
 */
export interface JournalEntry {
  /** A sequence number, growing: the cursor of `GET /__mock/requests`. */
  readonly seq: number;
  /** The mock's time when it answered (the store's clock), epoch milliseconds; ISO-8601 in the view. */
  readonly at: number;
  readonly method: string;
  /** Path and query as received, at most {@link JOURNAL_URL_LIMIT} characters. */
  readonly url: string;
  /** The registry name of the endpoint that answered, when one did. */
  readonly endpoint: string | undefined;
  readonly status: number;
  /** The envelope's `code` (or the admin API's status). */
  readonly code: number | undefined;
  /** Undocumented fields: up to {@link JOURNAL_UNKNOWN_LIMIT} names of {@link JOURNAL_NAME_LIMIT} characters. */
  readonly unknownFields: readonly string[];
  /** How many undocumented fields there were in all. */
  readonly unknownCount: number;
  /** What the mock accepted that the real API may not (a content type, form fields). */
  readonly warnings: readonly string[];
  readonly durationMs: number;
  /** The account that sent it, when the key was known (never the key). */
  readonly account: Account | undefined;
}

/** What a caller gives {@link Journal.record}. */
export type JournalInput = Omit<JournalEntry, 'seq'>;

/** The public view of an entry: the account as its name or a short fingerprint of its key. */
export type JournalView = Omit<JournalEntry, 'account' | 'at'> & { at: string; account: string | null };

export const JOURNAL_UNKNOWN_LIMIT = 100;
export const JOURNAL_NAME_LIMIT = 200;
export const JOURNAL_URL_LIMIT = 4096;

/** Node's Buffer, where there is one (the state modules also run in browsers, through the MSW entry). */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** A bounded copy that does not keep a long original alive (V8 slices point into their parent). */
function keep(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  return NodeBuffer ? NodeBuffer.from(head, 'utf16le').toString('utf16le') : head;
}

/** A short, stable, one-way fingerprint of a key: enough to tell accounts apart, useless to call the API. */
export function fingerprint(apiKey: string): string {
  return `key#${sha256Hex(apiKey).slice(0, 8)}`;
}

/** The filters of `GET /__mock/requests`. */
export interface JournalQuery {
  account?: Account | undefined;
  endpoint?: string | undefined;
  code?: number | undefined;
  /** Entries older than this sequence number (the previous page's `nextCursor`). */
  before?: number | undefined;
  limit: number;
}

/**
 * The last requests the mock answered, newest first: a ring buffer of a fixed
 * size, so it costs the same memory after a million requests as after a thousand.
 */
export class Journal {
  readonly #entries: (JournalEntry | undefined)[];
  #next = 0;
  #seq = 0;

  constructor(readonly capacity: number) {
    this.#entries = new Array(capacity);
  }

  record(entry: JournalInput): void {
    if (this.capacity === 0) return;
    const unknownFields =
      entry.unknownFields.length === 0
        ? entry.unknownFields
        : entry.unknownFields.slice(0, JOURNAL_UNKNOWN_LIMIT).map((name) => keep(name, JOURNAL_NAME_LIMIT));
    // Built field by field (no spread): this runs on every request.
    this.#entries[this.#next] = {
      seq: ++this.#seq,
      at: entry.at,
      method: entry.method,
      url: keep(entry.url, JOURNAL_URL_LIMIT),
      endpoint: entry.endpoint,
      status: entry.status,
      code: entry.code,
      unknownFields,
      unknownCount: entry.unknownCount,
      warnings: entry.warnings,
      durationMs: entry.durationMs,
      account: entry.account,
    };
    this.#next = (this.#next + 1) % this.capacity;
  }

  clear(): void {
    this.#entries.fill(undefined);
    this.#next = 0;
  }

  /** Newest first, filtered; `nextCursor` continues with older entries. `show` scrubs what is shown. */
  query(
    query: JournalQuery,
    show: { url(raw: string): string; text(raw: string): string },
  ): { requests: JournalView[]; nextCursor: number | null } {
    const requests: JournalView[] = [];
    let nextCursor: number | null = null;
    for (let step = 1; step <= this.capacity; step++) {
      const entry = this.#entries[(this.#next - step + this.capacity) % this.capacity];
      if (!entry) break;
      if (query.before !== undefined && entry.seq >= query.before) continue;
      if (query.account !== undefined && entry.account !== query.account) continue;
      if (query.endpoint !== undefined && entry.endpoint !== query.endpoint) continue;
      if (query.code !== undefined && entry.code !== query.code) continue;
      if (requests.length === query.limit) {
        nextCursor = (requests.at(-1) as JournalView).seq;
        break;
      }
      const { account, ...rest } = entry;
      requests.push({
        ...rest,
        at: new Date(entry.at).toISOString(),
        url: show.url(entry.url),
        unknownFields: entry.unknownFields.map((name) => show.text(name)),
        warnings: entry.warnings.map((warning) => show.text(warning)),
        account: account ? (account.name ?? fingerprint(account.apiKey)) : null,
      });
    }
    return { requests, nextCursor };
  }
}

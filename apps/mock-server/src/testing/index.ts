// Helpers for test suites that use the mock: a typed client of its admin API
// (for a mock in another process, e.g. `npm start` or a container), waiting
// for a message, reading a one-time code, and an in-process server usable
// with `await using`.
// biome-ignore-all assist/source/organizeImports: sections are ordered by topic, not by path
import { checkPhoneNumber } from '@smspartner-kit/schema';
import type { ClockState } from '../core/clock.js';
import type { FaultView } from '../state/faults.js';
import type { JournalView } from '../state/journal.js';
import type { MessagePage, MessageView } from '../state/messages.js';
import type { SeedDocumentInput } from '../state/seed.js';

export { type RunningMock, startMockServer } from '../http/server.js';

/** An admin request the mock refused: its HTTP status and its reason. */
export class MockAdminError extends Error {
  override readonly name = 'MockAdminError';
  constructor(
    message: string,
    readonly status: number,
    readonly reason: string | undefined,
  ) {
    super(message);
  }
}

export interface MockAdminOptions {
  /** The mock's admin token (`--admin-token`), sent as `Authorization: Bearer`. */
  token?: string;
  /** A fetch of your own (default: the global one). */
  fetch?: typeof fetch;
}

/** A fault to arm: see `POST /__mock/faults` in the README. */
export interface FaultRequest {
  apiKey: string;
  /** A registry name (a key of the schema's `endpoints`) or `*`. */
  endpoint: string;
  times?: number | 'always';
  probability?: number;
  code?: number;
  httpStatus?: number;
  retryAfterSeconds?: number;
  latencyMs?: number;
  drop?: boolean;
  /** Replace the endpoint's earlier faults instead of queueing after them. */
  reset?: boolean;
}

/** An account as `GET /__mock/accounts` shows it (never its key). */
export interface AccountView {
  name: string | null;
  fingerprint: string;
  username: string | null;
  firstname: string | null;
  lastname: string | null;
  credits: number;
  balance: string;
  messages: number;
}

/** What `waitForMessage` looks for. */
export interface WaitForMessage {
  apiKey: string;
  /** A recipient, in any writing the API accepts (`0612345678`, `+33612345678`). */
  to?: string;
  /** Text the message contains, a pattern it matches, or any test of the whole message. */
  match?: string | RegExp | ((message: MessageView) => boolean);
  /** Only messages with a greater id (e.g. the last one seen before the action under test). */
  after?: number;
  /** Default 5000. */
  timeoutMs?: number;
  /** How often to look, default 50 ms. */
  intervalMs?: number;
}

/** A reply simulated by the mock (the message lifecycle's `POST /__mock/replies`). */
export interface ReplyRequest {
  apiKey: string;
  /** The number that answers. */
  from: string;
  /** What it writes; may be left out for a tap (the suggestion's text is sent). */
  text?: string;
  /** The long number it writes to (one of the account's virtual numbers). */
  to?: string;
  /** The message it answers; else the latest sent to `from`. */
  messageId?: number;
  /** A tap on the RCS suggestion with this `postbackData`, rather than a typed reply. */
  postbackData?: string;
}

export interface MockAdmin {
  readonly url: string;
  clock: {
    get(apiKey?: string): Promise<ClockState>;
    /** Sets the time (frozen there unless `frozen: false`), for every account or one. */
    set(now: Date | string | number, options?: { apiKey?: string; frozen?: boolean }): Promise<ClockState>;
    advance(ms: number, options?: { apiKey?: string }): Promise<ClockState>;
  };
  /** Everything back to the config (and the seed), or one account. */
  reset(apiKey?: string): Promise<void>;
  accounts: {
    /** Adds an account (any config setting may come along) or sets its money. */
    upsert(
      apiKey: string,
      money: { credits: number } | { balance: string },
      settings?: Record<string, unknown>,
    ): Promise<{ created: boolean; credits: number; balance: string }>;
    get(apiKey: string): Promise<AccountView>;
  };
  /** One page of an account's messages, oldest first. */
  messages(apiKey: string, page?: { limit?: number; cursor?: number }): Promise<MessagePage>;
  /** Every message of an account, following the pages. */
  allMessages(apiKey: string): Promise<MessageView[]>;
  /** The request journal, newest first. */
  requests(filter?: {
    apiKey?: string;
    endpoint?: string;
    code?: number;
    limit?: number;
    cursor?: number;
  }): Promise<{ requests: JournalView[]; nextCursor: number | null }>;
  faults: {
    add(fault: FaultRequest): Promise<FaultView>;
    list(apiKey?: string): Promise<FaultView[]>;
    clear(filter?: { apiKey?: string; endpoint?: string; id?: number }): Promise<number>;
  };
  /** Loads a seed document, all or nothing (a refused one throws with every problem in `reason`). */
  seed(document: SeedDocumentInput): Promise<unknown>;
  /** Simulates an inbound reply, a STOP or an RCS suggestion tap (`POST /__mock/replies`). */
  reply(reply: ReplyRequest): Promise<unknown>;
  /** Resolves to the first message that matches, as soon as the mock has it; rejects after `timeoutMs`. */
  waitForMessage(wanted: WaitForMessage): Promise<MessageView>;
}

const e164 = (number: string) => {
  const checked = checkPhoneNumber(number);
  return checked.valid ? checked.e164 : number.replace(/[^\d+]/g, '');
};

function matches(message: MessageView, wanted: WaitForMessage): boolean {
  if (wanted.to !== undefined && !message.phoneNumbers.includes(e164(wanted.to))) return false;
  const { match } = wanted;
  if (match === undefined) return true;
  if (typeof match === 'string') return message.message.includes(match);
  if (match instanceof RegExp) return match.test(message.message);
  return match(message);
}

/**
 * A typed client of the mock's admin API (`/__mock/…`), for a mock running in
 * another process: a container, `npm start`, a CI service. Every call is JSON;
 * a refusal throws a {@link MockAdminError} with the mock's reason.
 *
 * @example
 * const admin = createMockAdmin('http://127.0.0.1:4010');
 * await admin.clock.set('2030-01-15T09:00:00+01:00');
 * await signUp('+33612345678'); // your app sends an OTP through the mock
 * const sms = await admin.waitForMessage({ apiKey: 'test-funded-key', to: '0612345678' });
 * const code = extractOtp(sms.message);
 */
export function createMockAdmin(url: string | URL, options: MockAdminOptions = {}): MockAdmin {
  const base = String(url).replace(/\/+$/, '');
  const call = options.fetch ?? fetch;
  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Record<string, unknown>,
  ): Promise<T> => {
    const target = new URL(`${base}/__mock${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) target.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await call(target, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json().catch(() => undefined)) as
      | (T & { error?: string; problems?: string[] })
      | undefined;
    if (!response.ok) {
      const reason = [answer?.error, ...(answer?.problems ?? [])].filter(Boolean).join('\n  ') || undefined;
      throw new MockAdminError(
        `${method} /__mock${path} answered ${response.status}${reason ? `: ${reason}` : ''}`,
        response.status,
        reason,
      );
    }
    return answer as T;
  };

  const messages: MockAdmin['messages'] = (apiKey, page = {}) =>
    request('GET', '/messages', undefined, { apiKey, limit: page.limit, cursor: page.cursor });

  return {
    url: base,
    clock: {
      get: (apiKey) => request('GET', '/clock', undefined, { apiKey }),
      set: (now, { apiKey, frozen } = {}) =>
        request('POST', '/clock', {
          now: new Date(now).toISOString(),
          ...(apiKey ? { apiKey } : {}),
          ...(frozen === undefined ? {} : { frozen }),
        }),
      advance: (ms, { apiKey } = {}) =>
        request('POST', '/clock', { advanceBy: ms, ...(apiKey ? { apiKey } : {}) }),
    },
    reset: async (apiKey) => {
      await request('POST', '/reset', apiKey ? { apiKey } : {});
    },
    accounts: {
      upsert: (apiKey, money, settings = {}) =>
        request('POST', '/accounts', { ...settings, apiKey, ...money }),
      get: (apiKey) => request('GET', '/accounts', undefined, { apiKey }),
    },
    messages,
    allMessages: async (apiKey) => {
      const all: MessageView[] = [];
      let cursor: number | undefined;
      for (;;) {
        const page = await messages(apiKey, cursor === undefined ? {} : { cursor });
        all.push(...page.messages);
        if (page.nextCursor === null) return all;
        cursor = page.nextCursor;
      }
    },
    requests: (filter = {}) => request('GET', '/requests', undefined, { ...filter }),
    faults: {
      add: (fault) => request('POST', '/faults', fault),
      list: async (apiKey) =>
        (await request<{ faults: FaultView[] }>('GET', '/faults', undefined, { apiKey })).faults,
      clear: async (filter = {}) => (await request<{ cleared: number }>('DELETE', '/faults', filter)).cleared,
    },
    seed: (document) => request('POST', '/seed', document),
    reply: (reply) => request('POST', '/replies', reply),
    waitForMessage: async (wanted) => {
      const timeoutMs = wanted.timeoutMs ?? 5000;
      const deadline = Date.now() + timeoutMs;
      let cursor = wanted.after;
      let seen = 0;
      for (;;) {
        const page = await messages(wanted.apiKey, cursor === undefined ? {} : { cursor });
        for (const message of page.messages) {
          seen++;
          if (matches(message, wanted)) return message;
        }
        // Messages only ever come after the last one seen: the next look starts there.
        cursor = page.messages.at(-1)?.messageId ?? cursor;
        if (page.nextCursor !== null) continue;
        if (Date.now() >= deadline) {
          throw new MockAdminError(
            `No message${wanted.to ? ` to ${wanted.to}` : ''}${wanted.match === undefined ? '' : ' matching'} within ${timeoutMs} ms (${seen} looked at)`,
            0,
            undefined,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, wanted.intervalMs ?? 50));
      }
    },
  };
}

const KEYWORD =
  /(?:code|otp|pin|passcode|password|mot de passe|vérification|verification|confirmation|token|clave|código)\D{0,24}?(?<!\d)(\d{3}[ -]\d{3}|\d{4,8})(?!\d)/iu;
const STANDALONE = /(?<![\d+.,:/])(?<!\d[-/])(\d{3}[ -]\d{3}|\d{4,8})(?![\d.,:/-]?\d)/u;

/**
 * The one-time code in a message text: the 4 to 8 digits (or `123 456`,
 * `123-456`) after a word such as "code", "OTP", "PIN" or "mot de passe", else
 * the first such run of digits standing alone (not part of a phone number, a
 * date, a time or an amount). Separators are removed. Undefined when there is none.
 *
 * @example
 * extractOtp('Votre code de vérification : 482 913'); // '482913'
 * extractOtp('G-204816 is your Google code'); // '204816'
 */
export function extractOtp(text: string): string | undefined {
  const found = KEYWORD.exec(text)?.[1] ?? STANDALONE.exec(text)?.[1];
  return found?.replace(/[ -]/g, '');
}

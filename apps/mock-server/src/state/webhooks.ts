import type { Account } from './accounts.js';
import { MinHeap } from './heap.js';

/**
 * What a webhook tells: a delivery receipt, a reply, a STOP (a short number's
 * `type: "stop"`), or one number's HLR result (to a verification's `notifyUrl`).
 */
export type WebhookEvent = 'delivery-receipt' | 'reply' | 'stop' | 'hlr-result';

/**
 * Where a delivery stands: `pending` (waiting for its first attempt or a
 * retry), `delivering` (an attempt in flight), `delivered` (a 2xx), `failed`
 * (a final refusal, or the attempts ran out), `dropped` (the queue was full,
 * or the URL could not be called: nothing was sent).
 */
export type WebhookState = 'pending' | 'delivering' | 'delivered' | 'failed' | 'dropped';

export interface WebhookAttempt {
  /** When it started, on the account's clock (epoch ms). */
  readonly at: number;
  /** The receiver's HTTP status, when it answered. */
  readonly status?: number;
  /** Why it failed without a status: timeout, connection refused, … */
  readonly error?: string;
  /** Real milliseconds it took. */
  readonly durationMs: number;
}

/** One webhook delivery and every attempt at it. */
export interface WebhookRecord {
  readonly id: number;
  readonly account: Account;
  readonly event: WebhookEvent;
  readonly url: string;
  /** The message it is about (a reply's answered message, when known). */
  readonly messageId: number | undefined;
  /** The recipient it is about (E.164). */
  readonly phoneNumber: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly contentType: string;
  readonly body: string;
  /** When the event happened, on the account's clock. */
  readonly occurredAt: number;
  state: WebhookState;
  readonly attempts: WebhookAttempt[];
  /** When the next attempt may start, on the account's clock (pending only). */
  nextAttemptAt: number | undefined;
  /** Why it was dropped, when it was. */
  reason: string | undefined;
}

/** One request of a webhook delivery, as the sender (the HTTP layer) takes it. */
export interface WebhookRequest {
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/**
 * How an attempt went: the receiver's status, or an error. `retry: false`
 * means trying again is pointless (the URL itself is refused).
 */
export type WebhookResult = { readonly status: number } | { readonly error: string; readonly retry: boolean };

/** Sends one webhook request; never rejects. */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResult>;

/** A delivery as the admin API shows it. */
export interface WebhookView {
  id: number;
  event: WebhookEvent;
  url: string;
  messageId: number | null;
  phoneNumber: string;
  state: WebhookState;
  /** When the event happened, on the account's clock (ISO-8601). */
  occurredAt: string;
  contentType: string;
  payload: Readonly<Record<string, unknown>>;
  attempts: { at: string; status: number | null; error: string | null; durationMs: number }[];
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** Why it was dropped, when it was. */
  reason: string | null;
}

/** The admin view of a delivery. */
export function webhookView(record: WebhookRecord): WebhookView {
  const iso = (at: number) => new Date(at).toISOString();
  const last = record.attempts.at(-1);
  return {
    id: record.id,
    event: record.event,
    url: record.url,
    messageId: record.messageId ?? null,
    phoneNumber: record.phoneNumber,
    state: record.state,
    occurredAt: iso(record.occurredAt),
    contentType: record.contentType,
    payload: record.payload,
    attempts: record.attempts.map((attempt) => ({
      at: iso(attempt.at),
      status: attempt.status ?? null,
      error: attempt.error ?? null,
      durationMs: attempt.durationMs,
    })),
    lastStatus: last?.status ?? null,
    lastError: last?.error ?? null,
    nextAttemptAt:
      record.state === 'pending' && record.nextAttemptAt !== undefined ? iso(record.nextAttemptAt) : null,
    reason: record.reason ?? null,
  };
}

/** The config's `webhooks` block and the bounds of `limits`. */
export interface WebhookSettings {
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  readonly concurrency: number;
  /** Attempts started per second at most (real time); 0: as fast as `concurrency` allows. */
  readonly ratePerSecond: number;
  /** Deliveries waiting or in flight, over every account. */
  readonly queue: number;
  /** Deliveries remembered for `GET /__mock/webhooks`. */
  readonly log: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  timeoutMs: 5_000,
  maxAttempts: 5,
  backoffMs: 1_000,
  maxBackoffMs: 60_000,
  concurrency: 16,
  ratePerSecond: 0,
  queue: 100_000,
  log: 10_000,
};

/** What {@link WebhookOutbox.enqueue} takes. */
export interface WebhookDraft {
  readonly event: WebhookEvent;
  readonly url: string;
  readonly messageId: number | undefined;
  readonly phoneNumber: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly contentType: string;
  readonly body: string;
  readonly occurredAt: number;
}

/** Whether an answer or an error is worth another attempt: 408, 429, any 5xx, and errors that say so. */
function retryable(result: WebhookResult): boolean {
  if ('status' in result) return result.status === 408 || result.status === 429 || result.status >= 500;
  return result.retry;
}

/**
 * The webhook deliveries of every account, bounded in memory: a queue of at
 * most `queue` deliveries waiting or in flight (beyond, new ones are dropped,
 * and listed as such), at most `concurrency` attempts in flight, each
 * limited to `timeoutMs`, and a log of the last `log` deliveries.
 *
 * Retries wait on the account's clock (`backoffMs`, doubling, at most
 * `maxBackoffMs`), like every other event of the mock: a test that freezes the
 * clock sees a retry when it advances it. Nothing here is HTTP: the sender is
 * attached by the HTTP layer; without one, deliveries stay pending.
 */
export class WebhookOutbox {
  #nextId = 1;
  readonly #log: (WebhookRecord | undefined)[];
  #logNext = 0;
  /** Deliveries waiting for a time on their account's clock, per account. */
  readonly #waiting = new Map<Account, MinHeap<WebhookRecord>>();
  /** Deliveries whose time has come, first in first out. */
  #ready: WebhookRecord[] = [];
  #readyHead = 0;
  #inFlight = 0;
  /** Deliveries waiting, ready or in flight. */
  #queued = 0;
  /** Deliveries not final yet, per message id: such a message is never dropped to make room. */
  readonly #unfinished = new Map<number, number>();
  /** Ready or in flight, per account: what {@link settled} waits for. */
  readonly #busy = new Map<Account, number>();
  readonly #waiters = new Set<{ account: Account | undefined; resolve: () => void }>();
  #sender: WebhookSender | undefined;
  #generation = 0;
  /** The rate allowance (`ratePerSecond`): attempts that may start now, and when it was last topped up. */
  #tokens = 0;
  #refilledAt = performance.now();
  #wake: ReturnType<typeof setTimeout> | undefined;
  /** Accounts reset since: their attempts in flight end there. */
  readonly #forgotten = new WeakSet<Account>();

  constructor(
    readonly settings: WebhookSettings,
    /** The time on an account's clock. */
    readonly clockOf: (account: Account) => number,
  ) {
    this.#log = new Array(settings.log);
  }

  /** Attaches the sender (the HTTP layer's); deliveries that were waiting for one start. */
  attach(sender: WebhookSender): void {
    this.#sender = sender;
    this.#drain();
  }

  get hasSender(): boolean {
    return this.#sender !== undefined;
  }

  /** Detaches the sender (the server is closing), closing its connections when it can. */
  detach(): void {
    (this.#sender as { close?: () => void } | undefined)?.close?.();
    this.#sender = undefined;
    if (this.#wake) clearTimeout(this.#wake);
    this.#wake = undefined;
  }

  /** Deliveries waiting, ready or in flight, against the bound. */
  usage(): { queued: number; inFlight: number; limit: number } {
    return { queued: this.#queued, inFlight: this.#inFlight, limit: this.settings.queue };
  }

  /** Queues one delivery for its first attempt, now; dropped (and logged so) when the queue is full. */
  enqueue(account: Account, draft: WebhookDraft): WebhookRecord {
    const record: WebhookRecord = {
      id: this.#nextId++,
      account,
      ...draft,
      state: 'pending',
      attempts: [],
      nextAttemptAt: draft.occurredAt,
      reason: undefined,
    };
    this.#remember(record);
    if (this.#queued >= this.settings.queue) {
      record.state = 'dropped';
      record.nextAttemptAt = undefined;
      record.reason = `the webhook queue is full (limits.webhookQueue: ${this.settings.queue})`;
      return record;
    }
    this.#queued++;
    if (record.messageId !== undefined)
      this.#unfinished.set(record.messageId, (this.#unfinished.get(record.messageId) ?? 0) + 1);
    this.#makeReady(record);
    return record;
  }

  /** Whether a message has a delivery not final yet (waiting, ready or in flight). */
  hasUnfinished(messageId: number): boolean {
    return this.#unfinished.has(messageId);
  }

  #finished(record: WebhookRecord): void {
    this.#queued--;
    if (record.messageId === undefined) return;
    const left = (this.#unfinished.get(record.messageId) ?? 1) - 1;
    if (left <= 0) this.#unfinished.delete(record.messageId);
    else this.#unfinished.set(record.messageId, left);
  }

  /** Drops a delivery before any attempt, recording why (a URL the mock never calls). */
  refuse(account: Account, draft: WebhookDraft, reason: string): WebhookRecord {
    const record: WebhookRecord = {
      id: this.#nextId++,
      account,
      ...draft,
      state: 'dropped',
      attempts: [],
      nextAttemptAt: undefined,
      reason,
    };
    this.#remember(record);
    return record;
  }

  #remember(record: WebhookRecord): void {
    this.#log[this.#logNext] = record;
    this.#logNext = (this.#logNext + 1) % this.#log.length;
  }

  #makeReady(record: WebhookRecord): void {
    this.#ready.push(record);
    this.#busy.set(record.account, (this.#busy.get(record.account) ?? 0) + 1);
    this.#drain();
  }

  /** Retries whose time has come on their account's clock start (all accounts, or one). */
  pump(account?: Account): void {
    const accounts = account ? [account] : [...this.#waiting.keys()];
    for (const holder of accounts) {
      const heap = this.#waiting.get(holder);
      if (!heap) continue;
      const now = this.clockOf(holder);
      while ((heap.peek()?.nextAttemptAt ?? Number.POSITIVE_INFINITY) <= now)
        this.#makeReady(heap.pop() as WebhookRecord);
      if (heap.size === 0) this.#waiting.delete(holder);
    }
  }

  /** Whether one of an account's retries is due on its clock. */
  isDue(account: Account): boolean {
    const top = this.#waiting.get(account)?.peek();
    return top !== undefined && (top.nextAttemptAt ?? Number.POSITIVE_INFINITY) <= this.clockOf(account);
  }

  /**
   * Starts what may start: at most `concurrency` attempts in flight and, with
   * `ratePerSecond`, at most that many started per second (real time), so a
   * burst of deliveries never takes the event loop from the API. One timer
   * for the whole outbox waits for the next allowance, never one per delivery.
   */
  #drain(): void {
    const sender = this.#sender;
    if (!sender) return;
    const rate = this.settings.ratePerSecond;
    if (rate > 0) {
      const now = performance.now();
      // Tokens refill continuously, a tenth of a second's worth at most banked.
      this.#tokens = Math.min(rate / 10, this.#tokens + ((now - this.#refilledAt) * rate) / 1000);
      this.#refilledAt = now;
    }
    while (this.#inFlight < this.settings.concurrency && this.#readyHead < this.#ready.length) {
      if (rate > 0) {
        if (this.#tokens < 1) {
          this.#wake ??= setTimeout(
            () => {
              this.#wake = undefined;
              this.#drain();
            },
            Math.ceil(((1 - this.#tokens) * 1000) / rate),
          );
          this.#wake.unref?.();
          break;
        }
        this.#tokens--;
      }
      const record = this.#ready[this.#readyHead++] as WebhookRecord;
      this.#attempt(record, sender);
    }
    if (this.#readyHead > 1024 && this.#readyHead * 2 > this.#ready.length) {
      this.#ready = this.#ready.slice(this.#readyHead);
      this.#readyHead = 0;
    }
  }

  #attempt(record: WebhookRecord, sender: WebhookSender): void {
    const generation = this.#generation;
    record.state = 'delivering';
    this.#inFlight++;
    const at = this.clockOf(record.account);
    const started = performance.now();
    const attempt = record.attempts.length + 1;
    sender({
      url: record.url,
      contentType: record.contentType,
      body: record.body,
      headers: {
        'user-agent': 'smspartner-kit-mock',
        'x-mock-webhook-id': String(record.id),
        'x-mock-webhook-event': record.event,
        'x-mock-webhook-attempt': String(attempt),
      },
      timeoutMs: this.settings.timeoutMs,
    }).then(
      (result) => this.#finish(record, generation, at, started, result),
      (error: unknown) =>
        this.#finish(record, generation, at, started, {
          error: String((error as Error)?.message ?? error),
          retry: true,
        }),
    );
  }

  #finish(
    record: WebhookRecord,
    generation: number,
    at: number,
    started: number,
    result: WebhookResult,
  ): void {
    this.#inFlight--;
    const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    record.attempts.push(
      'status' in result
        ? { at, status: result.status, durationMs }
        : { at, error: result.error, durationMs },
    );
    if (generation !== this.#generation) {
      // The store was reset while this attempt was in flight: its record is gone from every queue.
      record.state =
        'status' in result && result.status >= 200 && result.status < 300 ? 'delivered' : 'failed';
      this.#drain();
      return;
    }
    const ok = 'status' in result && result.status >= 200 && result.status < 300;
    if (this.#forgotten.has(record.account)) {
      record.state = ok ? 'delivered' : 'failed';
      record.nextAttemptAt = undefined;
      this.#finished(record);
      this.#drain();
      return;
    }
    this.#unbusy(record.account);
    if (!ok && retryable(result) && record.attempts.length < this.settings.maxAttempts) {
      const wait = Math.min(
        this.settings.backoffMs * 2 ** (record.attempts.length - 1),
        this.settings.maxBackoffMs,
      );
      record.state = 'pending';
      record.nextAttemptAt = this.clockOf(record.account) + wait;
      let heap = this.#waiting.get(record.account);
      if (!heap) {
        heap = new MinHeap((item) => item.nextAttemptAt ?? Number.POSITIVE_INFINITY);
        this.#waiting.set(record.account, heap);
      }
      heap.push(record);
      this.pump(record.account);
    } else {
      record.state = ok ? 'delivered' : 'failed';
      record.nextAttemptAt = undefined;
      this.#finished(record);
    }
    this.#drain();
    this.#notify();
  }

  #unbusy(account: Account): void {
    const left = (this.#busy.get(account) ?? 1) - 1;
    if (left <= 0) this.#busy.delete(account);
    else this.#busy.set(account, left);
  }

  #notify(): void {
    for (const waiter of this.#waiters) {
      if (waiter.account ? !this.#busy.has(waiter.account) : this.#busy.size === 0) {
        this.#waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Whether nothing is ready or in flight (for an account, or at all): retries waiting on the clock do not count. */
  isSettled(account?: Account): boolean {
    if (!this.#sender) return true;
    return account ? !this.#busy.has(account) : this.#busy.size === 0;
  }

  /**
   * Resolves once every delivery whose time has come (for an account, or all)
   * has been attempted: what a test awaits after moving the clock. Retries
   * waiting on the clock do not hold it; without a sender it resolves at once.
   * Resolves false when `timeoutMs` (real time) passes first.
   */
  settled(account: Account | undefined, timeoutMs: number): Promise<boolean> {
    if (this.isSettled(account)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        account,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /**
   * An account's deliveries, newest first, from the log: those with an id
   * below `before` (the previous page's `nextCursor`), at most `limit`.
   */
  list(
    account: Account,
    page: { before?: number | undefined; limit: number },
  ): { webhooks: WebhookRecord[]; nextCursor: number | null } {
    const webhooks: WebhookRecord[] = [];
    let nextCursor: number | null = null;
    const size = this.#log.length;
    for (let step = 1; step <= size; step++) {
      const record = this.#log[(this.#logNext - step + size) % size];
      if (!record) break;
      if (record.account !== account) continue;
      if (page.before !== undefined && record.id >= page.before) continue;
      if (webhooks.length === page.limit) {
        nextCursor = (webhooks.at(-1) as WebhookRecord).id;
        break;
      }
      webhooks.push(record);
    }
    return { webhooks, nextCursor };
  }

  /** Forgets one account's deliveries still queued (its reset): none of them is attempted again. */
  forget(account: Account): void {
    this.#forgotten.add(account);
    const heap = this.#waiting.get(account);
    if (heap) {
      for (const record of heap.values()) {
        this.#finished(record);
        record.state = 'dropped';
        record.reason = 'the account was reset';
      }
      this.#waiting.delete(account);
    }
    const kept: WebhookRecord[] = [];
    for (let at = this.#readyHead; at < this.#ready.length; at++) {
      const record = this.#ready[at] as WebhookRecord;
      if (record.account === account) {
        this.#finished(record);
        record.state = 'dropped';
        record.reason = 'the account was reset';
      } else kept.push(record);
    }
    this.#ready = kept;
    this.#readyHead = 0;
    // In-flight attempts of the account finish into the log; they count no more.
    this.#busy.delete(account);
    this.#notify();
  }

  /** Forgets everything (a full reset). Attempts in flight finish, unrecorded in any queue. */
  clear(): void {
    this.#generation++;
    this.#waiting.clear();
    this.#ready = [];
    this.#readyHead = 0;
    this.#queued = 0;
    this.#unfinished.clear();
    this.#busy.clear();
    this.#log.fill(undefined);
    this.#logNext = 0;
    this.#notify();
  }
}

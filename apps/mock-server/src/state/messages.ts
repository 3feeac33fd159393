import {
  checkPhoneNumber,
  DEFAULT_PRICE_TABLE,
  type DeliveryStatus,
  formatAmount,
  type PriceTable,
  priceFor,
} from '@smspartner-kit/schema';
import { type CancelDecision, decideCancel } from '../rules/cancel.js';
import {
  currentState,
  type DeliverySettings,
  deliveryPlan,
  type ForcedOutcome,
  isFinalState,
  type RecipientState,
  recipientAt,
  recipientTimeline,
  type StateChange,
} from '../rules/delivery.js';
import {
  type MessageExtras,
  type MessageKind,
  type MessageState,
  messageState,
  type StoredMessage,
} from '../rules/message-state.js';
import type { Account } from './accounts.js';

/** A message as a send endpoint hands it to {@link MessageBook.schedule}: the stored fields, recipients as a list. */
export type MessageDraft = Pick<
  StoredMessage,
  'kind' | 'range' | 'message' | 'held' | 'nbSms' | 'costMicros' | 'sendAt' | 'scheduled' | 'sandbox'
> &
  Partial<Omit<MessageExtras, 'parts'>> & {
    readonly phoneNumbers: readonly string[];
    /** A bulk send's parts per recipient (a single send's are `nbSms / phoneNumbers.length` each). */
    readonly recipientParts?: readonly number[] | undefined;
  };

const KINDS: readonly MessageKind[] = ['send', 'bulk', 'vn', 'survey', 'rcs'];
/** The low bits hold the kind's index in KINDS. */
const KIND_MASK = 7;
const HELD = 1 << 3;
const SCHEDULED = 1 << 4;
const SANDBOX = 1 << 5;
const LOW_COST = 1 << 6;

/**
 * The stored form: a class, so every message has the same compact in-object
 * layout, with the kind, the range and the three flags packed into one small
 * integer (read through getters, which cost no memory per message).
 */
class MessageRecord implements StoredMessage {
  readonly #flags: number;
  readonly recipients: string;
  readonly message: string;
  readonly extras: MessageExtras | undefined;
  readonly nbSms: number;
  readonly costMicros: number;
  readonly sendAt: number;
  cancelledAt: number | undefined = undefined;
  settledAt: number | undefined = undefined;
  refundedSms = 0;

  constructor(
    readonly id: number,
    readonly createdAt: number,
    draft: MessageDraft,
  ) {
    this.#flags =
      KINDS.indexOf(draft.kind) |
      (draft.held ? HELD : 0) |
      (draft.scheduled ? SCHEDULED : 0) |
      (draft.sandbox ? SANDBOX : 0) |
      (draft.range === 'lowCost' ? LOW_COST : 0);
    this.recipients =
      draft.phoneNumbers.length === 1 ? (draft.phoneNumbers[0] as string) : draft.phoneNumbers.join(',');
    this.message = draft.message;
    const { sender, tag, urlResponse, urlDlr, recipientParts } = draft;
    const parts = recipientParts?.some((count) => count !== recipientParts[0])
      ? Uint8Array.from(recipientParts)
      : undefined;
    this.extras =
      sender === undefined &&
      tag === undefined &&
      urlResponse === undefined &&
      urlDlr === undefined &&
      parts === undefined
        ? undefined
        : { sender, tag, urlResponse, urlDlr, parts };
    this.nbSms = draft.nbSms;
    this.costMicros = draft.costMicros;
    this.sendAt = draft.sendAt;
  }

  get kind(): MessageKind {
    return KINDS[this.#flags & KIND_MASK] as MessageKind;
  }
  get range(): StoredMessage['range'] {
    return this.#flags & LOW_COST ? 'lowCost' : 'premium';
  }
  get held(): boolean {
    return (this.#flags & HELD) !== 0;
  }
  get scheduled(): boolean {
    return (this.#flags & SCHEDULED) !== 0;
  }
  get sandbox(): boolean {
    return (this.#flags & SANDBOX) !== 0;
  }
}

/** One recipient as the admin API lists it: its delivery state and every change of it. */
export interface RecipientView {
  phoneNumber: string;
  state: RecipientState;
  /** When it reached that state (ISO-8601, the account's clock). */
  since: string;
  history: { state: RecipientState; at: string }[];
  /** On the account's STOP list now. */
  stopListed: boolean;
}

/** One recipient of a message, as the status endpoints read it at a time. */
export interface RecipientStatus {
  readonly phoneNumber: string;
  readonly state: RecipientState;
  /** When it reached that state (epoch ms). */
  readonly at: number;
  /** ISO 3166 alpha-2, from the number. */
  readonly countryCode: string | undefined;
  /** What this recipient's SMS cost, in micro-euros (0 for a sandbox message). */
  readonly costMicros: number;
}

/** A message as the admin API lists it. */
export interface MessageView {
  messageId: number;
  state: MessageState;
  phoneNumbers: string[];
  recipients: RecipientView[];
  message: string;
  sender: string | null;
  nbSms: number;
  cost: string;
  range: 'premium' | 'lowCost';
  tag: string | null;
  held: boolean;
  scheduled: boolean;
  sendAt: string;
  createdAt: string;
  cancelledAt: string | null;
  refundedSms: number;
  sandbox: boolean;
}

/** Why {@link MessageBook.schedule} refused a message. */
export type ScheduleRefusal = 'insufficient-credit' | 'store-full';

/** The store's bounds (the config's `limits`). */
export interface StoreLimits {
  /** Stored recipients over every account (a message to 500 numbers counts 500). */
  readonly messages: number;
  /** Characters of stored text over every account. */
  readonly textChars: number;
  /**
   * What happens at a bound once stale sandbox messages are gone: refuse, or
   * drop the oldest finished messages (cancelled, or every recipient in a
   * final delivery state, with no webhook still to send).
   */
  readonly whenFull: 'refuse' | 'evict-finished';
}

export const DEFAULT_LIMITS: StoreLimits = {
  messages: 500_000,
  textChars: 64 * 1024 * 1024,
  whenFull: 'refuse',
};

/** Sandbox messages are deleted from send lists daily (the docs): once finished and this old, the store may drop them. */
export const SANDBOX_KEPT_MS = 24 * 60 * 60 * 1000;

/** How long a full store waits, on the clock, before sweeping again after a sweep that freed nothing. */
export const SWEEP_PAUSE_MS = 60_000;

/** One page of the admin listing. */
export interface MessagePage {
  messages: MessageView[];
  /** The `cursor` of the next page, or null on the last one. */
  nextCursor: number | null;
}

/** Forced outcomes kept per message. */
const MAX_FORCED = 20;
const NO_FORCED: readonly ForcedOutcome[] = [];

const recipientCount = (message: StoredMessage): number => {
  let count = 1;
  for (let at = message.recipients.indexOf(','); at >= 0; at = message.recipients.indexOf(',', at + 1))
    count++;
  return count;
};

/**
 * Every account's messages, and the only code that changes them or the
 * money they cost: {@link schedule} debits as it stores, {@link cancel}
 * refunds as it cancels (once), {@link settle} keeps what went out sent when
 * a clock goes back. Ids are unique across accounts.
 */
export class MessageBook {
  #nextId = 1000;
  #recipients = 0;
  #chars = 0;
  /** Accounts that hold messages, for the sweeps that make room. */
  readonly #holders = new Set<Account>();
  /** The `now` of the last sweep that freed nothing: another one waits until time moves on (or a cancel). */
  #fruitlessSweepAt: number | undefined;
  /** Outcomes forced through the admin API, by message id: most messages have none. */
  readonly #forced = new Map<number, ForcedOutcome[]>();
  readonly #prices = new Map<string, number>();
  #pricedTable: PriceTable | undefined;
  /**
   * Messages that must stay whatever their state (a webhook still to send):
   * the store sets it to ask its lifecycle.
   */
  retained: (message: StoredMessage) => boolean = () => false;
  /** Told of each message stored (the store's lifecycle follows it from there). */
  onScheduled: ((account: Account, message: StoredMessage) => void) | undefined;

  constructor(
    readonly limits: StoreLimits = DEFAULT_LIMITS,
    /** The price table in force (the store's, which a test may change). */
    readonly pricesNow: () => PriceTable = () => DEFAULT_PRICE_TABLE,
  ) {}

  /** How full the store is: recipients and characters stored, against the limits. */
  usage(): { messages: number; textChars: number; limits: StoreLimits } {
    return { messages: this.#recipients, textChars: this.#chars, limits: this.limits };
  }

  /** Forgets everything (a full reset): no messages, ids from 1000 again. */
  clear(): void {
    this.#nextId = 1000;
    this.#recipients = 0;
    this.#chars = 0;
    this.#holders.clear();
    this.#forced.clear();
    this.#fruitlessSweepAt = undefined;
  }

  /** Forgets one account's messages (its reset). */
  forget(account: Account): void {
    for (const message of account.messages.values()) {
      this.#uncount(message);
      this.#forced.delete(message.id);
    }
    account.messages.clear();
    this.#holders.delete(account);
  }

  #uncount(message: StoredMessage): void {
    this.#recipients -= recipientCount(message);
    this.#chars -= message.message.length;
  }

  #fits(recipients: number, chars: number): boolean {
    return (
      this.#recipients + recipients <= this.limits.messages && this.#chars + chars <= this.limits.textChars
    );
  }

  /**
   * Makes room for a message, without ever dropping one that can still change:
   * first sandbox messages older than a day (the real API deletes them daily),
   * then, when the config allows it, the oldest cancelled or sent messages.
   * Sweeps scan the store, so one that freed nothing is not repeated for
   * {@link SWEEP_PAUSE_MS} of the clock, or until a cancel finishes a message:
   * a full store answers its refusals without scanning each time.
   */
  #makeRoom(recipients: number, chars: number, now: number): boolean {
    if (this.#fits(recipients, chars)) return true;
    const last = this.#fruitlessSweepAt;
    if (last !== undefined && now >= last && now - last < SWEEP_PAUSE_MS) return false;
    const drop = (account: Account, message: StoredMessage) => {
      account.messages.delete(message.id);
      this.#forced.delete(message.id);
      this.#uncount(message);
    };
    for (const account of this.#holders) {
      const at = account.clock?.now() ?? now;
      for (const message of account.messages.values()) {
        if (
          message.sandbox &&
          message.createdAt + SANDBOX_KEPT_MS <= at &&
          this.isFinished(account, message, at)
        )
          drop(account, message);
      }
    }
    if (this.limits.whenFull === 'evict-finished') {
      // Free a little more than asked (1% of the bounds), so the next sends do not sweep again at once.
      const slackRecipients = Math.ceil(this.limits.messages / 100);
      const slackChars = Math.ceil(this.limits.textChars / 100);
      for (const account of this.#holders) {
        // Each account by its own clock: "finished" is what that account's status endpoints would say.
        const at = account.clock?.now() ?? now;
        for (const message of account.messages.values()) {
          if (this.#fits(recipients + slackRecipients, chars + slackChars)) break;
          if (this.isFinished(account, message, at)) drop(account, message);
        }
      }
    }
    for (const account of this.#holders) if (account.messages.size === 0) this.#holders.delete(account);
    if (this.#fits(recipients, chars)) return true;
    this.#fruitlessSweepAt = now;
    return false;
  }

  /**
   * Records a message and debits its cost, atomically: a paid message the
   * account cannot afford is refused and nothing changes. Sandbox messages
   * cost nothing.
   */
  schedule(
    account: Account,
    draft: MessageDraft,
    now: number,
  ): { ok: true; message: StoredMessage } | { ok: false; reason: ScheduleRefusal } {
    const recipients = draft.phoneNumbers.length;
    if (!this.#makeRoom(recipients, draft.message.length, now)) return { ok: false, reason: 'store-full' };
    if (!draft.sandbox && !account.debit(draft.costMicros))
      return { ok: false, reason: 'insufficient-credit' };
    const message = new MessageRecord(this.#nextId++, now, draft);
    account.messages.set(message.id, message);
    this.#holders.add(account);
    this.#recipients += recipients;
    this.#chars += message.message.length;
    this.onScheduled?.(account, message);
    return { ok: true, message };
  }

  /**
   * Cancels a message by the cancel rule ({@link decideCancel}) and gives its
   * credits back, once. Returns the rule's decision; nothing changes on a refusal.
   */
  cancel(account: Account, id: number, now: number): CancelDecision {
    const message = account.messages.get(id) as MessageRecord | undefined;
    const decision = decideCancel(message, now);
    if (!decision.ok || !message) return decision.ok ? { ok: false, code: 4 } : decision;
    message.cancelledAt = now;
    this.#forced.delete(message.id);
    this.#fruitlessSweepAt = undefined;
    if (!message.sandbox && message.refundedSms === 0) {
      message.refundedSms = message.nbSms;
      account.refund(message.costMicros);
    }
    return decision;
  }

  /**
   * Before an account's clock goes back: every message whose send time it had
   * reached keeps the states it had at `leaving`, for good (it stays sent, and
   * a delivered recipient stays delivered).
   */
  settle(account: Account, leaving: number): void {
    for (const message of account.messages.values() as IterableIterator<MessageRecord>) {
      if (message.cancelledAt === undefined && message.sendAt <= leaving) {
        message.settledAt = Math.max(message.settledAt ?? leaving, leaving);
      }
    }
  }

  /** The E.164 numbers of a message, in order. */
  numbersOf(message: StoredMessage): readonly string[] {
    return message.recipients.includes(',') ? message.recipients.split(',') : [message.recipients];
  }

  /** Outcomes forced on a message, for one of its numbers (those forced on every recipient included). */
  forcedOn(message: StoredMessage, phoneNumber: string): readonly ForcedOutcome[] {
    const forced = this.#forced.get(message.id);
    if (!forced) return NO_FORCED;
    return forced.filter(
      (outcome) => outcome.phoneNumber === undefined || outcome.phoneNumber === phoneNumber,
    );
  }

  /** Every change of one recipient's state, from the account's delivery settings and forced outcomes. */
  timeline(account: Account, message: StoredMessage, phoneNumber: string): StateChange[] {
    const plan = deliveryPlan(phoneNumber, account.settings as DeliverySettings);
    return recipientTimeline(message, plan, this.forcedOn(message, phoneNumber));
  }

  /**
   * One recipient's status at `now`: its delivery state since when, its
   * history, its country and what its SMS cost. `index` is its place in the message.
   */
  recipientStatus(
    account: Account,
    message: StoredMessage,
    phoneNumber: string,
    index: number,
    now: number,
  ): RecipientStatus {
    const { state, at } = this.stateOf(account, message, phoneNumber, now);
    const country = checkPhoneNumber(phoneNumber);
    const countryCode = country.valid ? country.country : undefined;
    const count = recipientCount(message);
    const parts = message.extras?.parts?.[index] ?? Math.round(message.nbSms / count);
    // One recipient: what the message cost (exact, whatever the prices are now). Several: their parts
    // at the destination's price (today's table: a test that changes prices sees it here). Nothing
    // for what was never charged (sandbox) or was refunded (cancelled): the status shows what was paid.
    const costMicros =
      message.sandbox || message.cancelledAt !== undefined
        ? 0
        : count === 1
          ? message.costMicros
          : parts * this.#price(countryCode, message.range);
    return { phoneNumber, state, at, countryCode, costMicros };
  }

  /** A part's price, parsed once per destination and range of the store's current price table. */
  #price(country: string | undefined, range: StoredMessage['range']): number {
    const table = this.pricesNow();
    if (table !== this.#pricedTable) {
      this.#prices.clear();
      this.#pricedTable = table;
    }
    const key = `${country}:${range}`;
    let price = this.#prices.get(key);
    if (price === undefined) {
      price = priceFor(table, country, range) ?? 0;
      this.#prices.set(key, price);
    }
    return price;
  }

  /** One recipient's state at `now`, and since when (no history built). */
  stateOf(account: Account, message: StoredMessage, phoneNumber: string, now: number): StateChange {
    const plan = deliveryPlan(phoneNumber, account.settings as DeliverySettings);
    return currentState(message, plan, this.forcedOn(message, phoneNumber), now);
  }

  /**
   * Whether a message can no longer change on the clock: cancelled, or every
   * recipient in a final delivery state, and no webhook of it still to send.
   * Only finished messages may be dropped to make room.
   */
  isFinished(account: Account, message: StoredMessage, now: number): boolean {
    if (this.retained(message)) return false;
    if (message.cancelledAt !== undefined) return true;
    if (messageState(message, now) === 'scheduled') return false;
    for (const phoneNumber of this.numbersOf(message)) {
      if (!isFinalState(this.stateOf(account, message, phoneNumber, now).state)) return false;
    }
    return true;
  }

  /**
   * Forces an outcome from `now` on, for one recipient or all: the status
   * endpoints answer it, and a delivery receipt is sent for it, from the
   * latest of `now` and the send time. A cancelled message never delivers.
   */
  force(
    account: Account,
    id: number,
    status: DeliveryStatus,
    phoneNumber: string | undefined,
    now: number,
  ):
    | { ok: true; message: StoredMessage }
    | { ok: false; reason: 'not-found' | 'cancelled' | 'not-a-recipient' } {
    const message = account.messages.get(id);
    if (!message) return { ok: false, reason: 'not-found' };
    if (message.cancelledAt !== undefined) return { ok: false, reason: 'cancelled' };
    if (phoneNumber !== undefined && !this.numbersOf(message).includes(phoneNumber))
      return { ok: false, reason: 'not-a-recipient' };
    const forced = this.#forced.get(id) ?? [];
    // A few per recipient is all a test needs; the oldest go first, so a loop cannot grow it.
    if (forced.length >= MAX_FORCED) forced.shift();
    forced.push({ status, at: now, phoneNumber });
    this.#forced.set(id, forced);
    return { ok: true, message };
  }

  /** The account that holds a message id, if any (ids are unique across accounts). */
  holderOf(id: number): Account | undefined {
    for (const account of this.#holders) if (account.messages.has(id)) return account;
    return undefined;
  }

  /** SMS of paid messages still scheduled at `now`: the credits endpoint's `toSend`. */
  pendingSms(account: Account, now: number): number {
    let toSend = 0;
    for (const message of account.messages.values()) {
      if (!message.sandbox && messageState(message, now) === 'scheduled') toSend += message.nbSms;
    }
    return toSend;
  }

  /**
   * One page of the admin view of an account's messages, oldest first: those
   * with an id above `after`, at most `limit` of them.
   */
  list(account: Account, now: number, page: { after?: number; limit?: number } = {}): MessagePage {
    const limit = page.limit ?? Number.POSITIVE_INFINITY;
    const after = page.after ?? Number.NEGATIVE_INFINITY;
    const chosen: StoredMessage[] = [];
    let nextCursor: number | null = null;
    for (const message of account.messages.values()) {
      if (message.id <= after) continue;
      if (chosen.length === limit) {
        nextCursor = (chosen.at(-1) as StoredMessage).id;
        break;
      }
      chosen.push(message);
    }
    return { messages: chosen.map((message) => this.#view(account, message, now)), nextCursor };
  }

  /** The admin view of one message at `now` (the inbox lists messages across accounts with it). */
  view(message: StoredMessage, now: number, account?: Account): MessageView {
    const holder = account ?? this.holderOf(message.id);
    if (!holder) throw new Error(`message ${message.id} is in no account`);
    return this.#view(holder, message, now);
  }

  #view(account: Account, message: StoredMessage, now: number): MessageView {
    const phoneNumbers = [...this.numbersOf(message)];
    const iso = (at: number) => new Date(at).toISOString();
    return {
      messageId: message.id,
      state: messageState(message, now),
      phoneNumbers,
      recipients: phoneNumbers.map((phoneNumber) => {
        const { state, at, history } = recipientAt(
          message,
          this.timeline(account, message, phoneNumber),
          now,
        );
        return {
          phoneNumber,
          state,
          since: iso(at),
          history: history.map((change) => ({ state: change.state, at: iso(change.at) })),
          stopListed: account.stopList.has(phoneNumber),
        };
      }),
      message: message.message,
      sender: message.extras?.sender ?? null,
      nbSms: message.nbSms,
      cost: formatAmount(message.costMicros, 6),
      range: message.range,
      tag: message.extras?.tag ?? null,
      held: message.held,
      scheduled: message.scheduled,
      sendAt: new Date(message.sendAt).toISOString(),
      createdAt: new Date(message.createdAt).toISOString(),
      cancelledAt: message.cancelledAt === undefined ? null : new Date(message.cancelledAt).toISOString(),
      refundedSms: message.refundedSms,
      sandbox: message.sandbox,
    };
  }
}

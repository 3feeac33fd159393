import {
  checkPhoneNumber,
  DEFAULT_PRICE_TABLE,
  type DeliveryStatus,
  MAX_AMOUNT_MICROS,
  type PriceTable,
  parseAmount,
  priceFor,
} from '@smspartner-kit/schema';
import { Clock } from '../core/clock.js';
import { type AccountConfig, accountConfig, type MockConfig } from '../core/config.js';
import { Account, type AccountSettings } from './accounts.js';
import { CallForwardingBook } from './call-forwarding.js';
import { ChangeFeed } from './changes.js';
import { ContactBook, type ContactLimits, DEFAULT_CONTACT_LIMITS } from './contacts.js';
import { HlrBook } from './hlr.js';
import { Journal } from './journal.js';
import { type InboundReply, Lifecycle, type ReplyOutcome } from './lifecycle.js';
import {
  DEFAULT_LIMITS,
  MessageBook,
  type MessagePage,
  type MessageView,
  type StoreLimits,
} from './messages.js';
import { StopIds, StopList } from './stop-list.js';
import { DEFAULT_WEBHOOK_SETTINGS, WebhookOutbox, type WebhookSettings } from './webhooks.js';

/** The bounds of the STOP lists and webhook queues (the config's `limits`), besides the message store's. */
export interface StateLimits extends StoreLimits {
  readonly stopNumbers?: number;
  readonly webhookQueue?: number;
  readonly webhookLog?: number;
}

import { RateLimits } from './rate-limits.js';
import { RcsBook } from './rcs.js';
import { RentalBook } from './rentals.js';
import { MAX_SUBACCOUNTS_PER_MASTER, SubaccountBook, type SubaccountInfo } from './subaccounts.js';

/**
 * The mock's in-memory state: accounts from the config, their messages, the
 * clock. State is isolated per apiKey: one account's reset, clock moves and
 * messages never touch another's, so parallel test suites can share a server
 * by using one key each.
 *
 * It is composed of the state modules: {@link Account} (money, faults),
 * {@link MessageBook} (`store.messages`: schedule with debit, cancel with
 * refund), {@link ContactBook} (`store.contacts`: groups and contacts) and
 * {@link SubaccountBook} (`store.subaccounts`: who is whose sub-account, and
 * credit moves). Handlers change state only through them, and through
 * {@link openSubaccount} and {@link closeSubaccount}, which add and remove
 * an account of the registry.
 */
export class Store {
  readonly clock: Clock;
  readonly #initialPrices: PriceTable;
  #prices: PriceTable;
  /** Every account's messages: `store.messages.schedule(…)`, `store.messages.cancel(…)`. */
  readonly messages: MessageBook;
  /** The last requests answered (`GET /__mock/requests`); a full reset empties it. */
  readonly journal: Journal;
  /** Webhook deliveries: `store.webhooks.list(account, …)`, `store.webhooks.settled(account, ms)`. */
  readonly webhooks: WebhookOutbox;
  /** The message lifecycle on the clock: receipts and replies as the clock reaches them. */
  readonly lifecycle: Lifecycle;
  /** STOP-entry ids and the bound every STOP list shares. */
  readonly stopIds: StopIds;
  /** Per-minute request windows of the endpoints that document a limit (`GET /__mock/rate-limits`). */
  readonly rateLimits = new RateLimits();
  /** HLR requests and their results (`GET /__mock/hlr`); the only code that takes HLR credits. */
  readonly hlr = new HlrBook();
  /** Call forwarding of the accounts' virtual numbers. */
  readonly forwarding = new CallForwardingBook();
  /** Contact rentals; the only code that charges one. */
  readonly rentals = new RentalBook();
  /** The RCS content of RCS messages (`GET /__mock/rcs`). */
  readonly rcs = new RcsBook();
  /** Every account's groups and contacts: `store.contacts.insertContact(…)`. */
  readonly contacts: ContactBook;
  /** Who is whose sub-account, which masters may have some, and credit moves. */
  readonly subaccounts = new SubaccountBook();
  /** Bumped on every change a page may want to show (the inbox's live updates). */
  readonly changes = new ChangeFeed();
  /** Where injected faults draw their chances from (`Math.random` unless a test gives its own). */
  readonly random: () => number;
  readonly #initialAccounts: readonly AccountConfig[];
  readonly #accounts = new Map<string, Account>();
  readonly #resetListeners = new Set<() => void>();
  #keysVersion = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    accounts: readonly AccountConfig[],
    clock: Clock = new Clock(),
    prices: PriceTable = DEFAULT_PRICE_TABLE,
    options: {
      limits?: StateLimits;
      journalSize?: number;
      webhooks?: Partial<WebhookSettings>;
      contactLimits?: ContactLimits;
      random?: () => number;
    } = {},
  ) {
    this.random = options.random ?? Math.random;
    const limits: StateLimits = options.limits ?? DEFAULT_LIMITS;
    this.messages = new MessageBook(limits, () => this.prices);
    this.contacts = new ContactBook(options.contactLimits ?? DEFAULT_CONTACT_LIMITS);
    this.journal = new Journal(options.journalSize ?? 1000);
    this.stopIds = new StopIds(limits.stopNumbers ?? 100_000);
    this.webhooks = new WebhookOutbox(
      {
        ...DEFAULT_WEBHOOK_SETTINGS,
        ...options.webhooks,
        queue: limits.webhookQueue ?? DEFAULT_WEBHOOK_SETTINGS.queue,
        log: limits.webhookLog ?? DEFAULT_WEBHOOK_SETTINGS.log,
      },
      (account) => this.clockFor(account.apiKey).now(),
    );
    this.lifecycle = new Lifecycle(
      this.messages,
      this.webhooks,
      (account) => this.clockFor(account.apiKey).now(),
      this.rcs,
    );
    this.messages.retained = (message) =>
      this.lifecycle.isTracked(message) || this.webhooks.hasUnfinished(message.id);
    this.messages.onScheduled = (account, message) => this.lifecycle.track(account, message);
    this.clock = clock;
    this.clock.onRewind = (leaving) => {
      for (const account of this.#accounts.values()) {
        if (account.clock) continue;
        // What the clock had reached happens first, then stays done.
        this.lifecycle.pump(account, leaving);
        this.messages.settle(account, leaving);
      }
    };
    this.clock.onMove = () => this.pump();
    this.#initialPrices = prices;
    this.#prices = prices;
    this.#initialAccounts = accounts.map((account) => ({ ...account }));
    this.reset();
  }

  /** The price table every send is priced with (the config's, until a seed changes it). */
  get prices(): PriceTable {
    return this.#prices;
  }

  /** Sets the prices of the countries given (the others keep theirs); a full reset goes back to the config's. */
  updatePrices(changes: PriceTable): void {
    this.#prices = { ...this.#prices, ...changes };
  }

  /** Called after every full reset (a `--seed` document is applied again there); returns the unsubscriber. */
  onReset(listener: () => void): () => void {
    this.#resetListeners.add(listener);
    return () => this.#resetListeners.delete(listener);
  }

  /** One Premium SMS to France, in micro-euros: what a "credit" is worth in this store. */
  get creditMicros(): number {
    return priceFor(this.prices, 'FR', 'premium') ?? 38_000;
  }

  /** Low Cost SMS credits (to France) the balance buys. */
  lowCostCredits(account: Account): number {
    const price = priceFor(this.prices, 'FR', 'lowCost');
    return price === undefined ? 0 : Math.floor(account.balanceMicros / price);
  }

  /** Changes whenever an account is added or removed: what caches of {@link apiKeys} compare. */
  get keysVersion(): number {
    return this.#keysVersion;
  }

  /** Every key the store serves right now (for redaction: the mock never writes one out). */
  apiKeys(): Iterable<string> {
    return this.#accounts.keys();
  }

  /** Back to the config: accounts as declared, no messages, ids from 1000 again, the clock on system time. */
  reset(): void {
    for (const account of this.#accounts.values()) account.stopList.clear();
    this.#accounts.clear();
    this.#keysVersion++;
    this.lifecycle.clear();
    this.messages.clear();
    this.stopIds.clear();
    this.contacts.clear();
    this.subaccounts.clear();
    this.journal.clear();
    this.hlr.clear();
    this.rentals.clear();
    this.#prices = this.#initialPrices;
    for (const account of this.#initialAccounts) this.#accounts.set(account.apiKey, this.#fresh(account));
    this.clock.reset();
    for (const listener of this.#resetListeners) listener();
    this.changes.notify();
  }

  /**
   * Adds an account from a whole account config, or replaces the account with
   * that key (its messages, faults and own clock are dropped): what a seed
   * document does. Throws a RangeError for money {@link balanceFor} refuses.
   */
  putAccount(config: AccountConfig): Account {
    const existing = this.#accounts.get(config.apiKey);
    if (existing) this.messages.forget(existing);
    else this.#keysVersion++;
    const account = this.#fresh(config);
    this.#accounts.set(config.apiKey, account);
    return account;
  }

  /**
   * Resets one account: its messages, groups and contacts are dropped, its
   * sub-accounts removed, its own clock removed and its credits put back to
   * the config's value. An account added at run time (a sub-account too) is
   * removed. Returns false when there is no such account.
   */
  resetAccount(apiKey: string): boolean {
    const current = this.#accounts.get(apiKey);
    if (!current) return false;
    const initial = this.#initialAccounts.find((account) => account.apiKey === apiKey);
    if (initial) {
      this.#forget(current);
      this.#accounts.set(apiKey, this.#fresh(initial));
    } else this.#remove(current);
    return true;
  }

  /** Drops an account's state: messages, contacts, admin activation, sub-accounts (removed). */
  #forget(account: Account): void {
    for (const child of this.subaccounts.of(account)) this.#remove(child.account);
    this.lifecycle.forget(account);
    this.messages.forget(account);
    account.stopList.clear();
    this.contacts.forget(account);
    this.subaccounts.resetActivation(account);
  }

  /** Removes an account from the registry: its key answers 10 from now on. */
  #remove(account: Account): void {
    this.#forget(account);
    this.subaccounts.unlink(account);
    if (this.#accounts.get(account.apiKey) === account && this.#accounts.delete(account.apiKey))
      this.#keysVersion++;
  }

  /** Whether an e-mail is some account's login or sub-account e-mail already (case aside). */
  emailInUse(email: string): boolean {
    const wanted = email.toLowerCase();
    for (const account of this.#accounts.values()) {
      if (account.settings.username?.toLowerCase() === wanted) return true;
    }
    for (const taken of this.subaccounts.emails()) if (taken === wanted) return true;
    return false;
  }

  /**
   * Creates a sub-account of `parent`: a new account of the registry, with a
   * key of its own (random, never one the store serves), a token derived from
   * its id ({@link SubaccountBook.nextToken}), the type's identity,
   * and `creditMicros` moved from the parent, all or nothing. An e-mail taken
   * by another account, a parent at its bound or without the money refuse it
   * and nothing changes. `fixed` gives a known key and token (provider states).
   */
  openSubaccount(
    parent: Account,
    draft: SubaccountDraft,
    now: number,
    fixed: { apiKey?: string; token?: string } = {},
  ): { ok: true; info: SubaccountInfo } | { ok: false; reason: 'limit' | 'email-taken' | 'insufficient' } {
    if (this.subaccounts.count(parent) >= MAX_SUBACCOUNTS_PER_MASTER) return { ok: false, reason: 'limit' };
    if (draft.email !== undefined && this.emailInUse(draft.email))
      return { ok: false, reason: 'email-taken' };
    if (draft.creditMicros > parent.balanceMicros) return { ok: false, reason: 'insufficient' };
    const fresh = (bytes: number, taken: (value: string) => boolean, given?: string): string => {
      if (given !== undefined && !taken(given)) return given;
      let value: string;
      do value = randomHex(bytes);
      while (taken(value));
      return value;
    };
    const apiKey = fresh(20, (key) => this.#accounts.has(key), fixed.apiKey);
    const token = fresh(
      16,
      (value) => this.subaccounts.tokenTaken(value),
      fixed.token ?? this.subaccounts.nextToken(),
    );
    let email = draft.email;
    for (let serial = 9_000_000 + this.subaccounts.count(parent); email === undefined; serial++) {
      const generated = `${serial}@smspartner.fr`;
      if (!this.emailInUse(generated)) email = generated;
    }
    const { title, firstname, lastname } = draft;
    const account = this.#fresh(
      accountConfig.parse({
        apiKey,
        credits: 0,
        username: email,
        name: title ?? email,
        ...(firstname !== undefined ? { firstname } : {}),
        ...(lastname !== undefined ? { lastname } : {}),
      }),
    );
    this.#accounts.set(apiKey, account);
    this.#keysVersion++;
    if (parent.clock) {
      // A master that lives by its own clock (a test moved it) gives its view of time to the new account.
      const clock = this.ownClock(apiKey) as Clock;
      clock.set(parent.clock.now(), { frozen: parent.clock.state().frozen });
    }
    const info = this.subaccounts.link(parent, account, {
      token,
      type: draft.type,
      email,
      isBuyer: draft.isBuyer,
      createdAt: now,
    });
    if (draft.creditMicros > 0) this.subaccounts.move(parent, account, draft.creditMicros);
    return { ok: true, info };
  }

  /**
   * Removes a sub-account of `parent`: its key answers code 10 from now on,
   * its messages and contacts go, and what its balance holds goes back to the
   * parent (up to the bound a balance can hold, MAX_AMOUNT_MICROS).
   * False when `parent` has no sub-account with this token.
   */
  closeSubaccount(parent: Account, token: string): boolean {
    const info = this.subaccounts.byToken(parent, token);
    if (!info) return false;
    const left = info.account.balanceMicros;
    if (left > 0 && this.subaccounts.move(info.account, parent, left).ok === false) {
      parent.setBalance(MAX_AMOUNT_MICROS);
    }
    this.#remove(info.account);
    return true;
  }

  /** Whether an answer to `account` may show `apiKey`: the key of one of its own, live, sub-accounts. */
  mayDisclose(account: Account, apiKey: string): boolean {
    const other = this.#accounts.get(apiKey);
    return other !== undefined && this.subaccounts.infoOf(other)?.parent === account;
  }

  /**
   * The balance, in micro-euros, that a number of credits or a decimal amount
   * stands for; undefined when it is not a whole number of credits or a
   * decimal amount, or lies beyond MAX_AMOUNT_MICROS (where it could not stay exact).
   */
  balanceFor(money: Money): number | undefined {
    const micros =
      typeof money === 'number' || 'credits' in money
        ? (typeof money === 'number' ? money : money.credits) * this.creditMicros
        : parseAmount(String(money.balance));
    return micros !== undefined && Number.isSafeInteger(micros) && micros >= 0 && micros <= MAX_AMOUNT_MICROS
      ? micros
      : undefined;
  }

  #micros(money: Money): number {
    const micros = this.balanceFor(money);
    if (micros === undefined)
      throw new RangeError('The balance must be 0 to 1000000000 EUR, exact to the micro-euro');
    return micros;
  }

  #fresh(account: AccountConfig): Account {
    const { apiKey, credits, balance, ...settings } = account;
    const balanceMicros = this.#micros(balance !== undefined ? { balance } : { credits: credits ?? 0 });
    const stopList = new StopList(this.stopIds);
    const now = this.clock.now();
    for (const number of settings.stopList) {
      const checked = checkPhoneNumber(number);
      stopList.add(checked.valid ? checked.e164 : number, now, 'config');
    }
    return new Account(apiKey, settings, stopList, balanceMicros, this.creditMicros);
  }

  account(apiKey: string): Account | undefined {
    return this.#accounts.get(apiKey);
  }

  /**
   * Adds an account, or sets an existing one's balance (its messages are kept).
   * The money is Premium SMS credits to France (a number, or `{ credits }`) or
   * a decimal EUR amount (`{ balance: "12.5" }`); `settings` apply to a new
   * account only. Throws a RangeError for money {@link balanceFor} refuses.
   */
  upsertAccount(
    apiKey: string,
    money: Money,
    settings: Partial<AccountSettings> = {},
  ): { created: boolean; account: Account } {
    const micros = this.#micros(money);
    const existing = this.#accounts.get(apiKey);
    if (existing) {
      existing.setBalance(micros);
      return { created: false, account: existing };
    }
    const account = this.#fresh(accountConfig.parse({ ...settings, apiKey, credits: 0 }));
    account.setBalance(micros);
    this.#accounts.set(apiKey, account);
    this.#keysVersion++;
    return { created: true, account };
  }

  /** The clock an account lives by: its own when a test gave it one, the store's otherwise. */
  clockFor(apiKey: string | undefined): Clock {
    return (apiKey === undefined ? undefined : this.#accounts.get(apiKey)?.clock) ?? this.clock;
  }

  /** Gives an account a clock of its own, starting from the store's current time. */
  ownClock(apiKey: string): Clock | undefined {
    const account = this.#accounts.get(apiKey);
    if (!account) return undefined;
    if (!account.clock) {
      const clock = new Clock();
      clock.set(this.clock.now(), { frozen: this.clock.state().frozen });
      clock.onRewind = (leaving) => {
        this.lifecycle.pump(account, leaving);
        this.messages.settle(account, leaving);
      };
      clock.onMove = () => this.lifecycle.pump(account);
      account.clock = clock;
    }
    return account.clock;
  }

  /**
   * Lets what an account's clock has reached happen (receipts, replies, STOP
   * replies, webhook retries) before one of its requests is answered: a cheap
   * look when nothing is due.
   */
  catchUp(account: Account): void {
    if (this.lifecycle.isDue(account) || this.webhooks.isDue(account)) this.lifecycle.pump(account);
  }

  /** Lets what every clock has reached happen (after a clock move, and on each tick of a running clock). */
  pump(): void {
    this.lifecycle.pump();
    this.webhooks.pump();
  }

  /**
   * Pumps every `intervalMs` (real time), for clocks that run: one timer for
   * the whole store, never one per message. `startMockServer` starts it and
   * `close()` stops it; an app without a server pumps on requests and clock moves.
   */
  startTicking(intervalMs = 100): void {
    if (this.#ticker) return;
    this.#ticker = setInterval(() => this.pump(), intervalMs);
    this.#ticker.unref?.();
  }

  stopTicking(): void {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  /**
   * Forces a delivery outcome on a message (one recipient, or all), from the
   * account's clock time on: the status endpoints answer it and a receipt is
   * posted. `apiKey`, when given, must be the message's account.
   */
  forceOutcome(
    messageId: number,
    status: DeliveryStatus,
    options: { apiKey?: string | undefined; phoneNumber?: string | undefined } = {},
  ):
    | { ok: true; account: Account }
    | { ok: false; reason: 'not-found' | 'cancelled' | 'not-a-recipient' | 'invalid-number' } {
    const account =
      options.apiKey === undefined ? this.messages.holderOf(messageId) : this.#accounts.get(options.apiKey);
    if (!account) return { ok: false, reason: 'not-found' };
    let phoneNumber: string | undefined;
    if (options.phoneNumber !== undefined) {
      const checked = checkPhoneNumber(options.phoneNumber);
      if (!checked.valid) return { ok: false, reason: 'invalid-number' };
      phoneNumber = checked.e164;
    }
    this.catchUp(account);
    const message = account.messages.get(messageId);
    if (message) this.lifecycle.beforeForce(account, message);
    const forced = this.messages.force(
      account,
      messageId,
      status,
      phoneNumber,
      this.clockFor(account.apiKey).now(),
    );
    if (!forced.ok) return forced;
    this.lifecycle.afterForce(account, forced.message);
    return { ok: true, account };
  }

  /** A reply from a recipient, now on the account's clock (`POST /__mock/replies`). */
  receiveReply(apiKey: string, reply: InboundReply): ReplyOutcome | undefined {
    const account = this.#accounts.get(apiKey);
    if (!account) return undefined;
    this.catchUp(account);
    return this.lifecycle.receive(account, reply, this.clockFor(apiKey).now());
  }

  /** The admin view of all an account's messages, oldest first; undefined for an unknown key. */
  listMessages(apiKey: string): MessageView[] | undefined {
    return this.messagePage(apiKey)?.messages;
  }

  /** One page of {@link listMessages}: ids above `after`, at most `limit`. */
  messagePage(apiKey: string, page: { after?: number; limit?: number } = {}): MessagePage | undefined {
    const account = this.#accounts.get(apiKey);
    return account && this.messages.list(account, this.clockFor(apiKey).now(), page);
  }
}

/** What {@link Store.openSubaccount} needs besides its parent: the request's parameters, money in micro-euros. */
export interface SubaccountDraft {
  readonly type: 'simple' | 'advanced';
  /** Absent for a simple sub-account without one: an address is generated. */
  readonly email: string | undefined;
  readonly isBuyer: boolean;
  readonly title?: string | undefined;
  readonly firstname?: string | undefined;
  readonly lastname?: string | undefined;
  /** Moved from the parent's balance at creation (`creditToAttribute`); 0 for none. */
  readonly creditMicros: number;
}

/** Money for {@link Store.upsertAccount}: credits (Premium SMS to France) or a decimal EUR balance. */
export type Money = number | { readonly credits: number } | { readonly balance: string };

/** Builds a store from a parsed config. */
export function createStore(
  config: Pick<MockConfig, 'accounts' | 'prices'> &
    Partial<Pick<MockConfig, 'limits' | 'journalSize' | 'webhooks'>>,
  clock?: Clock,
): Store {
  return new Store(config.accounts, clock, config.prices ?? DEFAULT_PRICE_TABLE, {
    ...(config.limits ? { limits: config.limits } : {}),
    ...(config.journalSize !== undefined ? { journalSize: config.journalSize } : {}),
    ...(config.webhooks ? { webhooks: config.webhooks } : {}),
  });
}

/** `bytes` random bytes as hex, from Web Crypto (no `node:` import: the MSW entry runs in browsers too). */
function randomHex(bytes: number): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(buffer, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

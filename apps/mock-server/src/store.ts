import {
  checkPhoneNumber,
  DEFAULT_PRICE_TABLE,
  formatAmount,
  type PriceTable,
  parseAmount,
  priceFor,
} from '@smspartner-kit/schema';
import { Clock } from './clock.js';
import { type AccountConfig, accountConfig, type MockConfig } from './config.js';
import {
  type MessageExtras,
  type MessageState,
  messageState,
  type StoredMessage,
} from './rules/message-state.js';

/** An account's state. Each apiKey has its own messages and, optionally, its own clock. */
export class AccountState {
  /** The money balance, in micro-euros. */
  balanceMicros: number;
  readonly messages = new Map<number, StoredMessage>();
  /** Set when a test moved this account's time only; otherwise the store's clock applies. */
  clock: Clock | undefined;
  /** Injected faults: how many more requests to each endpoint answer code 500. */
  readonly faults = new Map<string, number>();

  constructor(
    readonly apiKey: string,
    /** The flags and lists the config gave it (status, allow-list, STOP list…). */
    readonly settings: Omit<AccountConfig, 'apiKey' | 'credits' | 'balance'>,
    /** STOP-listed numbers in E.164. */
    readonly stopList: ReadonlySet<string>,
    balanceMicros: number,
    /** What one credit (a Premium SMS to France) costs, in micro-euros. */
    readonly creditMicros: number,
  ) {
    this.balanceMicros = balanceMicros;
  }

  get name(): string | undefined {
    return this.settings.name;
  }

  /** Premium SMS credits (to France) the balance buys. */
  get credits(): number {
    return Math.floor(this.balanceMicros / this.creditMicros);
  }

  /** Consumes one injected fault for an endpoint; true when this request must fail with code 500. */
  takeFault(endpoint: string): boolean {
    const left = this.faults.get(endpoint) ?? 0;
    if (left <= 0) return false;
    if (left === 1) this.faults.delete(endpoint);
    else this.faults.set(endpoint, left - 1);
    return true;
  }
}

/** A message as the admin API lists it. */
export interface MessageView {
  messageId: number;
  state: MessageState;
  phoneNumbers: string[];
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

/** A message as the handlers hand it to the store: the stored fields, with the recipients as a list. */
export type NewMessage = Pick<
  StoredMessage,
  'kind' | 'range' | 'message' | 'held' | 'nbSms' | 'costMicros' | 'sendAt' | 'scheduled' | 'sandbox'
> &
  Partial<MessageExtras> & { readonly phoneNumbers: readonly string[] };

/** The stored form: a class, so every message has the same compact in-object layout. */
class MessageRecord implements StoredMessage {
  readonly kind: StoredMessage['kind'];
  readonly range: StoredMessage['range'];
  readonly recipients: string;
  readonly message: string;
  readonly extras: MessageExtras | undefined;
  readonly held: boolean;
  readonly nbSms: number;
  readonly costMicros: number;
  readonly sendAt: number;
  readonly scheduled: boolean;
  readonly sandbox: boolean;
  cancelledAt: number | undefined = undefined;
  sentAt: number | undefined = undefined;
  refundedSms = 0;

  constructor(
    readonly id: number,
    readonly createdAt: number,
    message: NewMessage,
  ) {
    this.kind = message.kind;
    this.range = message.range;
    this.recipients =
      message.phoneNumbers.length === 1
        ? (message.phoneNumbers[0] as string)
        : message.phoneNumbers.join(',');
    this.message = message.message;
    const { sender, tag, urlResponse, urlDlr } = message;
    this.extras =
      sender === undefined && tag === undefined && urlResponse === undefined && urlDlr === undefined
        ? undefined
        : { sender, tag, urlResponse, urlDlr };
    this.held = message.held;
    this.nbSms = message.nbSms;
    this.costMicros = message.costMicros;
    this.sendAt = message.sendAt;
    this.scheduled = message.scheduled;
    this.sandbox = message.sandbox;
  }
}

/**
 * The mock's in-memory state: accounts from the config, their messages, the
 * clock. State is isolated per apiKey: one account's reset, clock moves and
 * messages never touch another's, so parallel test suites can share a server
 * by using one key each.
 */
export class Store {
  readonly clock: Clock;
  /** The price table every send is priced with. */
  readonly prices: PriceTable;
  readonly #initialAccounts: readonly AccountConfig[];
  readonly #accounts = new Map<string, AccountState>();
  #nextMessageId = 1000;

  constructor(
    accounts: readonly AccountConfig[],
    clock: Clock = new Clock(),
    prices: PriceTable = DEFAULT_PRICE_TABLE,
  ) {
    this.clock = clock;
    this.clock.onRewind = (leaving) => {
      for (const account of this.#accounts.values()) if (!account.clock) settle(account, leaving);
    };
    this.prices = prices;
    this.#initialAccounts = accounts.map((account) => ({ ...account }));
    this.reset();
  }

  /** One Premium SMS to France, in micro-euros: what a "credit" is worth in this store. */
  get creditMicros(): number {
    return priceFor(this.prices, 'FR', 'premium') ?? 38_000;
  }

  /** Low Cost SMS credits (to France) the balance buys. */
  lowCostCredits(account: AccountState): number {
    const price = priceFor(this.prices, 'FR', 'lowCost');
    return price === undefined ? 0 : Math.floor(account.balanceMicros / price);
  }

  /** Back to the config: accounts as declared, no messages, ids from 1000 again, the clock on system time. */
  reset(): void {
    this.#accounts.clear();
    this.#nextMessageId = 1000;
    for (const account of this.#initialAccounts) this.#accounts.set(account.apiKey, this.#fresh(account));
    this.clock.reset();
  }

  /**
   * Resets one account: its messages are dropped, its own clock removed and its
   * credits put back to the config's value. An account added at run time is removed.
   * Returns false when there is no such account.
   */
  resetAccount(apiKey: string): boolean {
    if (!this.#accounts.has(apiKey)) return false;
    const initial = this.#initialAccounts.find((account) => account.apiKey === apiKey);
    if (initial) this.#accounts.set(apiKey, this.#fresh(initial));
    else this.#accounts.delete(apiKey);
    return true;
  }

  #fresh(account: AccountConfig): AccountState {
    const { apiKey, credits, balance, ...settings } = account;
    const balanceMicros =
      balance !== undefined ? parseAmountStrict(balance) : (credits ?? 0) * this.creditMicros;
    const stopList = new Set(
      settings.stopList.map((number) => {
        const checked = checkPhoneNumber(number);
        return checked.valid ? checked.e164 : number;
      }),
    );
    return new AccountState(apiKey, settings, stopList, balanceMicros, this.creditMicros);
  }

  account(apiKey: string): AccountState | undefined {
    return this.#accounts.get(apiKey);
  }

  /**
   * Adds an account, or sets an existing one's balance (its messages are kept).
   * `credits` are Premium SMS credits to France; `settings` apply to a new account only.
   */
  upsertAccount(
    apiKey: string,
    credits: number,
    settings: Partial<AccountState['settings']> = {},
  ): { created: boolean; account: AccountState } {
    const existing = this.#accounts.get(apiKey);
    if (existing) {
      existing.balanceMicros = credits * this.creditMicros;
      return { created: false, account: existing };
    }
    const account = this.#fresh(accountConfig.parse({ ...settings, apiKey, credits }));
    this.#accounts.set(apiKey, account);
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
      clock.onRewind = (leaving) => settle(account, leaving);
      account.clock = clock;
    }
    return account.clock;
  }

  /** Records a message and returns it with its new id. Credits are the caller's business. */
  addMessage(account: AccountState, message: NewMessage): StoredMessage {
    const stored = new MessageRecord(this.#nextMessageId++, this.clockFor(account.apiKey).now(), message);
    account.messages.set(stored.id, stored);
    return stored;
  }

  /** The admin view of an account's messages, oldest first. */
  listMessages(apiKey: string): MessageView[] | undefined {
    const account = this.#accounts.get(apiKey);
    if (!account) return undefined;
    const now = this.clockFor(apiKey).now();
    return [...account.messages.values()].map((message) => ({
      messageId: message.id,
      state: messageState(message, now),
      phoneNumbers: message.recipients.split(','),
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
    }));
  }
}

/** Before a clock goes back: every message whose send time it had reached has gone out, for good. */
function settle(account: AccountState, leaving: number): void {
  for (const message of account.messages.values()) {
    if (
      message.scheduled &&
      message.cancelledAt === undefined &&
      message.sentAt === undefined &&
      message.sendAt <= leaving
    ) {
      message.sentAt = message.sendAt;
    }
  }
}

function parseAmountStrict(text: string): number {
  const micros = parseAmount(text);
  if (micros === undefined) throw new Error(`Not a decimal amount: ${text}`);
  return micros;
}

/** Builds a store from a parsed config. */
export function createStore(config: Pick<MockConfig, 'accounts' | 'prices'>, clock?: Clock): Store {
  return new Store(config.accounts, clock, config.prices ?? DEFAULT_PRICE_TABLE);
}

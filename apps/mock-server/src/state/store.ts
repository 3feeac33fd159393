import {
  checkPhoneNumber,
  DEFAULT_PRICE_TABLE,
  MAX_AMOUNT_MICROS,
  type PriceTable,
  parseAmount,
  priceFor,
} from '@smspartner-kit/schema';
import { Clock } from '../core/clock.js';
import { type AccountConfig, accountConfig, type MockConfig } from '../core/config.js';
import { Account, type AccountSettings } from './accounts.js';
import { ChangeFeed } from './changes.js';
import { Journal } from './journal.js';
import {
  DEFAULT_LIMITS,
  MessageBook,
  type MessagePage,
  type MessageView,
  type StoreLimits,
} from './messages.js';

/**
 * The mock's in-memory state: accounts from the config, their messages, the
 * clock. State is isolated per apiKey: one account's reset, clock moves and
 * messages never touch another's, so parallel test suites can share a server
 * by using one key each.
 *
 * It is composed of the state modules: {@link Account} (money, faults) and
 * {@link MessageBook} (`store.messages`: schedule with debit, cancel with
 * refund). Handlers change state only through them.
 */
export class Store {
  readonly clock: Clock;
  readonly #initialPrices: PriceTable;
  #prices: PriceTable;
  /** Every account's messages: `store.messages.schedule(…)`, `store.messages.cancel(…)`. */
  readonly messages: MessageBook;
  /** The last requests answered (`GET /__mock/requests`); a full reset empties it. */
  readonly journal: Journal;
  /** Bumped on every change a page may want to show (the inbox's live updates). */
  readonly changes = new ChangeFeed();
  /** Where injected faults draw their chances from (`Math.random` unless a test gives its own). */
  readonly random: () => number;
  readonly #initialAccounts: readonly AccountConfig[];
  readonly #accounts = new Map<string, Account>();
  readonly #resetListeners = new Set<() => void>();
  #keysVersion = 0;

  constructor(
    accounts: readonly AccountConfig[],
    clock: Clock = new Clock(),
    prices: PriceTable = DEFAULT_PRICE_TABLE,
    options: { limits?: StoreLimits; journalSize?: number; random?: () => number } = {},
  ) {
    this.random = options.random ?? Math.random;
    this.messages = new MessageBook(options.limits ?? DEFAULT_LIMITS);
    this.journal = new Journal(options.journalSize ?? 1000);
    this.clock = clock;
    this.clock.onRewind = (leaving) => {
      for (const account of this.#accounts.values()) {
        if (!account.clock) this.messages.settle(account, leaving);
      }
    };
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
    this.#accounts.clear();
    this.#keysVersion++;
    this.messages.clear();
    this.journal.clear();
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
   * Resets one account: its messages are dropped, its own clock removed and its
   * credits put back to the config's value. An account added at run time is removed.
   * Returns false when there is no such account.
   */
  resetAccount(apiKey: string): boolean {
    const current = this.#accounts.get(apiKey);
    if (!current) return false;
    this.messages.forget(current);
    const initial = this.#initialAccounts.find((account) => account.apiKey === apiKey);
    if (initial) this.#accounts.set(apiKey, this.#fresh(initial));
    else if (this.#accounts.delete(apiKey)) this.#keysVersion++;
    return true;
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
    const stopList = new Set(
      settings.stopList.map((number) => {
        const checked = checkPhoneNumber(number);
        return checked.valid ? checked.e164 : number;
      }),
    );
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
      clock.onRewind = (leaving) => this.messages.settle(account, leaving);
      account.clock = clock;
    }
    return account.clock;
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

/** Money for {@link Store.upsertAccount}: credits (Premium SMS to France) or a decimal EUR balance. */
export type Money = number | { readonly credits: number } | { readonly balance: string };

/** Builds a store from a parsed config. */
export function createStore(
  config: Pick<MockConfig, 'accounts' | 'prices'> & Partial<Pick<MockConfig, 'limits' | 'journalSize'>>,
  clock?: Clock,
): Store {
  return new Store(config.accounts, clock, config.prices ?? DEFAULT_PRICE_TABLE, {
    ...(config.limits ? { limits: config.limits } : {}),
    ...(config.journalSize !== undefined ? { journalSize: config.journalSize } : {}),
  });
}

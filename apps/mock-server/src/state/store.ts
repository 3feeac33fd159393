import {
  checkPhoneNumber,
  DEFAULT_PRICE_TABLE,
  type PriceTable,
  parseAmount,
  priceFor,
} from '@smspartner-kit/schema';
import { Clock } from '../core/clock.js';
import { type AccountConfig, accountConfig, type MockConfig } from '../core/config.js';
import { Account, type AccountSettings } from './accounts.js';
import { MessageBook, type MessageView } from './messages.js';

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
  /** The price table every send is priced with. */
  readonly prices: PriceTable;
  /** Every account's messages: `store.messages.schedule(…)`, `store.messages.cancel(…)`. */
  readonly messages = new MessageBook();
  readonly #initialAccounts: readonly AccountConfig[];
  readonly #accounts = new Map<string, Account>();

  constructor(
    accounts: readonly AccountConfig[],
    clock: Clock = new Clock(),
    prices: PriceTable = DEFAULT_PRICE_TABLE,
  ) {
    this.clock = clock;
    this.clock.onRewind = (leaving) => {
      for (const account of this.#accounts.values()) {
        if (!account.clock) this.messages.settle(account, leaving);
      }
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
  lowCostCredits(account: Account): number {
    const price = priceFor(this.prices, 'FR', 'lowCost');
    return price === undefined ? 0 : Math.floor(account.balanceMicros / price);
  }

  /** Back to the config: accounts as declared, no messages, ids from 1000 again, the clock on system time. */
  reset(): void {
    this.#accounts.clear();
    this.messages.restartIds();
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

  #fresh(account: AccountConfig): Account {
    const { apiKey, credits, balance, ...settings } = account;
    const balanceMicros =
      balance !== undefined ? parseAmountStrict(balance) : (credits ?? 0) * this.creditMicros;
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
   * `credits` are Premium SMS credits to France; `settings` apply to a new account only.
   */
  upsertAccount(
    apiKey: string,
    credits: number,
    settings: Partial<AccountSettings> = {},
  ): { created: boolean; account: Account } {
    const existing = this.#accounts.get(apiKey);
    if (existing) {
      existing.setBalance(credits * this.creditMicros);
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
      clock.onRewind = (leaving) => this.messages.settle(account, leaving);
      account.clock = clock;
    }
    return account.clock;
  }

  /** The admin view of an account's messages, oldest first; undefined for an unknown key. */
  listMessages(apiKey: string): MessageView[] | undefined {
    const account = this.#accounts.get(apiKey);
    return account && this.messages.list(account, this.clockFor(apiKey).now());
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

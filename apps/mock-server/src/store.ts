import { Clock } from './clock.js';
import type { AccountConfig, MockConfig } from './config.js';
import { type MessageState, messageState, type StoredMessage } from './rules/message-state.js';

/** An account's state. Each apiKey has its own messages and, optionally, its own clock. */
export interface AccountState {
  readonly apiKey: string;
  readonly name: string | undefined;
  credits: number;
  readonly messages: Map<number, StoredMessage>;
  /** Set when a test moved this account's time only; otherwise the store's clock applies. */
  clock: Clock | undefined;
}

/** A message as the admin API lists it. */
export interface MessageView {
  messageId: number;
  state: MessageState;
  phoneNumbers: string[];
  message: string;
  sender: string | null;
  nbSms: number;
  cost: number;
  scheduled: boolean;
  sendAt: string;
  createdAt: string;
  cancelledAt: string | null;
  refundedSms: number;
  sandbox: boolean;
}

export interface NewMessage {
  phoneNumbers: readonly string[];
  message: string;
  sender?: string | undefined;
  nbSms: number;
  costMilli: number;
  sendAt: number;
  scheduled: boolean;
  sandbox?: boolean;
}

/**
 * The mock's in-memory state: accounts from the config, their messages, the
 * clock. State is isolated per apiKey: one account's reset, clock moves and
 * messages never touch another's, so parallel test suites can share a server
 * by using one key each.
 */
export class Store {
  readonly clock: Clock;
  readonly #initialAccounts: readonly AccountConfig[];
  readonly #accounts = new Map<string, AccountState>();
  #nextMessageId = 1000;

  constructor(accounts: readonly AccountConfig[], clock: Clock = new Clock()) {
    this.clock = clock;
    this.#initialAccounts = accounts.map((account) => ({ ...account }));
    this.reset();
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
    return {
      apiKey: account.apiKey,
      name: account.name,
      credits: account.credits,
      messages: new Map(),
      clock: undefined,
    };
  }

  account(apiKey: string): AccountState | undefined {
    return this.#accounts.get(apiKey);
  }

  /** Adds an account, or sets an existing one's credits (its messages are kept). */
  upsertAccount(apiKey: string, credits: number): { created: boolean; account: AccountState } {
    const existing = this.#accounts.get(apiKey);
    if (existing) {
      existing.credits = credits;
      return { created: false, account: existing };
    }
    const account = this.#fresh({ apiKey, credits, name: undefined });
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
      account.clock = new Clock();
      account.clock.set(this.clock.now(), { frozen: this.clock.state().frozen });
    }
    return account.clock;
  }

  /** Records a message and returns it with its new id. Credits are the caller's business. */
  addMessage(account: AccountState, message: NewMessage): StoredMessage {
    const stored: StoredMessage = {
      id: this.#nextMessageId++,
      phoneNumbers: [...message.phoneNumbers],
      message: message.message,
      sender: message.sender,
      nbSms: message.nbSms,
      costMilli: message.costMilli,
      createdAt: this.clockFor(account.apiKey).now(),
      sendAt: message.sendAt,
      scheduled: message.scheduled,
      sandbox: message.sandbox ?? false,
      cancelledAt: undefined,
      refundedSms: 0,
    };
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
      phoneNumbers: [...message.phoneNumbers],
      message: message.message,
      sender: message.sender ?? null,
      nbSms: message.nbSms,
      cost: message.costMilli / 1000,
      scheduled: message.scheduled,
      sendAt: new Date(message.sendAt).toISOString(),
      createdAt: new Date(message.createdAt).toISOString(),
      cancelledAt: message.cancelledAt === undefined ? null : new Date(message.cancelledAt).toISOString(),
      refundedSms: message.refundedSms,
      sandbox: message.sandbox,
    }));
  }
}

/** Builds a store from a parsed config. */
export function createStore(config: Pick<MockConfig, 'accounts'>, clock?: Clock): Store {
  return new Store(config.accounts, clock);
}

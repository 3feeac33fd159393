import type { Account } from './accounts.js';
import { sha256Hex } from './sha256.js';

/** What a sub-account is besides its account: its identity in the family (subaccounts.md). */
export interface SubaccountInfo {
  /** The integer id of the list [community]. */
  readonly id: number;
  /** Its identifier for the delete and credit calls. */
  readonly token: string;
  readonly type: 'simple' | 'advanced';
  readonly email: string;
  /** May it buy its own SMS (advanced only). */
  readonly isBuyer: boolean;
  /** Epoch milliseconds, from the master's clock. */
  readonly createdAt: number;
  readonly parent: Account;
  /** The sub-account itself: a live account of the store, with its own key, messages, clock and money. */
  readonly account: Account;
}

/** How a credit move went. */
export type CreditMove =
  | { ok: true }
  | {
      ok: false;
      /** `empty`: the sender holds nothing; `insufficient`: less than asked; `bound`: the receiver would pass MAX_AMOUNT_MICROS. */
      reason: 'empty' | 'insufficient' | 'bound';
    };

/** The most sub-accounts one master account may hold in the mock (its bound, see the README). */
export const MAX_SUBACCOUNTS_PER_MASTER = 1000;

/**
 * Who is whose sub-account, which masters have the feature, and the only code
 * that moves money between a master and a sub-account ({@link move}: the
 * sender's debit and the receiver's deposit, both or neither). The accounts
 * themselves live in the store's account registry (`Store.openSubaccount`
 * adds one, `Store.closeSubaccount` removes it), so their keys work, and are
 * scrubbed, like any other.
 */
export class SubaccountBook {
  #nextId = 1;
  readonly #byParent = new Map<Account, Map<string, SubaccountInfo>>();
  readonly #byAccount = new Map<Account, SubaccountInfo>();
  /** Activation changed through the admin API, over the config's `subaccounts` setting. */
  readonly #activation = new Map<Account, boolean>();

  /** Forgets everything (a full reset). */
  clear(): void {
    this.#nextId = 1;
    this.#byParent.clear();
    this.#byAccount.clear();
    this.#activation.clear();
  }

  /**
   * Whether an account may manage sub-accounts: a master account (not itself
   * a sub-account) on which the feature is activated, by its config or the
   * admin API (SMS Partner's support does it on real accounts).
   */
  enabled(account: Account): boolean {
    return !this.#byAccount.has(account) && (this.#activation.get(account) ?? account.settings.subaccounts);
  }

  /** Activates or deactivates the feature on a master account (its sub-accounts stay). */
  setEnabled(account: Account, enabled: boolean): void {
    this.#activation.set(account, enabled);
  }

  /** Drops what the admin API set on an account (its reset). */
  resetActivation(account: Account): void {
    this.#activation.delete(account);
  }

  /**
   * The token the next sub-account gets: 32 hex digits derived from its id,
   * so the same requests on a fresh store give the same answers (the HTTP
   * mock and the MSW entry answer byte for byte alike, as message ids do).
   * A token is no credential: it names a sub-account to its own master only
   * ({@link byToken}); the sub-account's key stays random.
   */
  nextToken(): string {
    return sha256Hex(`smspartner-mock sub-account ${this.#nextId}`).slice(0, 32);
  }

  /** Records a new sub-account of `parent` (the store has registered its account). */
  link(
    parent: Account,
    account: Account,
    identity: Omit<SubaccountInfo, 'id' | 'parent' | 'account'>,
  ): SubaccountInfo {
    const info: SubaccountInfo = { ...identity, id: this.#nextId++, parent, account };
    let children = this.#byParent.get(parent);
    if (!children) {
      children = new Map();
      this.#byParent.set(parent, children);
    }
    children.set(info.token, info);
    this.#byAccount.set(account, info);
    return info;
  }

  /** Forgets a sub-account (the store removes its account). */
  unlink(account: Account): void {
    const info = this.#byAccount.get(account);
    if (!info) return;
    this.#byAccount.delete(account);
    const children = this.#byParent.get(info.parent);
    children?.delete(info.token);
    if (children?.size === 0) this.#byParent.delete(info.parent);
  }

  /** A master's sub-accounts, oldest first. */
  of(parent: Account): readonly SubaccountInfo[] {
    return [...(this.#byParent.get(parent)?.values() ?? [])];
  }

  count(parent: Account): number {
    return this.#byParent.get(parent)?.size ?? 0;
  }

  /** A master's sub-account by token; another master's token is unknown here. */
  byToken(parent: Account, token: string): SubaccountInfo | undefined {
    return this.#byParent.get(parent)?.get(token);
  }

  /** The sub-account an account is, if it is one. */
  infoOf(account: Account): SubaccountInfo | undefined {
    return this.#byAccount.get(account);
  }

  /** Whether a token is already used by any sub-account. */
  tokenTaken(token: string): boolean {
    for (const children of this.#byParent.values()) if (children.has(token)) return true;
    return false;
  }

  /** Every sub-account's e-mail, lower-cased (for code 7). */
  *emails(): Iterable<string> {
    for (const info of this.#byAccount.values()) yield info.email.toLowerCase();
  }

  /**
   * Moves `micros` from one account to the other, exactly: the sender's
   * balance goes down by what the receiver's goes up by, or nothing changes.
   */
  move(from: Account, to: Account, micros: number): CreditMove {
    if (from.balanceMicros <= 0) return { ok: false, reason: 'empty' };
    if (from.balanceMicros < micros) return { ok: false, reason: 'insufficient' };
    if (!to.canDeposit(micros)) return { ok: false, reason: 'bound' };
    if (!from.debit(micros)) return { ok: false, reason: 'insufficient' };
    to.deposit(micros);
    return { ok: true };
  }
}

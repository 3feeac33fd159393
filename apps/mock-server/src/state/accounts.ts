import { MAX_AMOUNT_MICROS } from '@smspartner-kit/schema';
import type { Clock } from '../core/clock.js';
import type { AccountConfig } from '../core/config.js';
import type { StoredMessage } from '../rules/message-state.js';
import { type Fault, FaultBook } from './faults.js';
import type { StopList } from './stop-list.js';

/** The flags and lists an account's config gave it (status, allow-list, surveys…). */
export type AccountSettings = Omit<AccountConfig, 'apiKey' | 'credits' | 'balance'>;

/**
 * One account's state. Each apiKey has its own messages, money, faults and,
 * optionally, its own clock. Money is integer micro-euros and changes only
 * through {@link debit}, {@link refund}, {@link deposit} and {@link setBalance}, which the
 * state modules call (the message book debits on schedule and refunds on
 * cancel); endpoint handlers read it, never write it.
 */
export class Account {
  #balanceMicros: number;
  #hlrCredits: number;
  readonly messages = new Map<number, StoredMessage>();
  /** Set when a test moved this account's time only; otherwise the store's clock applies. */
  clock: Clock | undefined;
  /** Injected faults (`POST /__mock/faults`): the pipeline takes them after the account gates. */
  readonly faults = new FaultBook();

  constructor(
    readonly apiKey: string,
    readonly settings: AccountSettings,
    /** The account's STOP list (E.164): code 14, `stopSms` flags, the stop-sms endpoints and STOP replies. */
    readonly stopList: StopList,
    balanceMicros: number,
    /** What one credit (a Premium SMS to France) costs, in micro-euros. */
    readonly creditMicros: number,
  ) {
    this.#balanceMicros = balanceMicros;
    this.#hlrCredits = settings.hlrCredits;
  }

  get name(): string | undefined {
    return this.settings.name;
  }

  /** The account's login, as GET /v1/me reports it (`username`, else one made from its name). */
  get login(): string {
    return this.settings.username ?? `${this.settings.name ?? 'account'}@example.test`;
  }

  /** The money balance, in micro-euros. */
  get balanceMicros(): number {
    return this.#balanceMicros;
  }

  /** Premium SMS credits (to France) the balance buys. */
  get credits(): number {
    return Math.floor(this.#balanceMicros / this.creditMicros);
  }

  /** Takes `micros` from the balance; refuses (false, nothing changes) what would overdraw it. */
  debit(micros: number): boolean {
    if (micros > this.#balanceMicros) return false;
    this.#balanceMicros -= micros;
    return true;
  }

  /** Gives `micros` back (a cancelled message's cost). */
  refund(micros: number): void {
    this.#balanceMicros += micros;
  }

  /** Whether {@link deposit} would take `micros`: a balance stays within MAX_AMOUNT_MICROS, so it stays exact. */
  canDeposit(micros: number): boolean {
    return Number.isSafeInteger(micros) && micros >= 0 && this.#balanceMicros + micros <= MAX_AMOUNT_MICROS;
  }

  /** Adds `micros` (euros moved in from another account); refuses (false, nothing changes) what {@link canDeposit} refuses. */
  deposit(micros: number): boolean {
    if (!this.canDeposit(micros)) return false;
    this.#balanceMicros += micros;
    return true;
  }

  /** Sets the balance outright (the admin API, provider states). */
  setBalance(micros: number): void {
    this.#balanceMicros = micros;
  }

  /** HLR verifications left (GET /v1/me's `creditHlr`): the config's `hlrCredits`, less what was used. */
  get hlrCredits(): number {
    return this.#hlrCredits;
  }

  /** Takes `count` HLR credits; refuses (false, nothing changes) what the account does not have. */
  debitHlr(count: number): boolean {
    if (count > this.#hlrCredits) return false;
    this.#hlrCredits -= count;
    return true;
  }

  /**
   * Makes the next `times` requests to an endpoint answer its code 500
   * (replacing the endpoint's earlier faults); 0 clears them. The short form
   * of `faults.add`.
   */
  injectFault(endpoint: string, times: number): void {
    if (times <= 0) this.faults.clear({ endpoint });
    else this.faults.add({ endpoint, times }, { replace: true });
  }

  /** Consumes the fault a request to `endpoint` suffers, if one is armed and wins its draw. */
  takeFault(endpoint: string, random: () => number = Math.random): Fault | undefined {
    return this.faults.take(endpoint, random);
  }
}

import type { Clock } from '../core/clock.js';
import type { AccountConfig } from '../core/config.js';
import type { StoredMessage } from '../rules/message-state.js';
import type { StopList } from './stop-list.js';

/** The flags and lists an account's config gave it (status, allow-list, surveys…). */
export type AccountSettings = Omit<AccountConfig, 'apiKey' | 'credits' | 'balance'>;

/**
 * One account's state. Each apiKey has its own messages, money, faults and,
 * optionally, its own clock. Money is integer micro-euros and changes only
 * through {@link debit}, {@link refund} and {@link setBalance}, which the
 * state modules call (the message book debits on schedule and refunds on
 * cancel); endpoint handlers read it, never write it.
 */
export class Account {
  #balanceMicros: number;
  readonly messages = new Map<number, StoredMessage>();
  /** Set when a test moved this account's time only; otherwise the store's clock applies. */
  clock: Clock | undefined;
  readonly #faults = new Map<string, number>();
  /** Recent request times per rate-limited endpoint (at most its limit of them). */
  readonly #requests = new Map<string, number[]>();

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
  }

  get name(): string | undefined {
    return this.settings.name;
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

  /** Sets the balance outright (the admin API, provider states). */
  setBalance(micros: number): void {
    this.#balanceMicros = micros;
  }

  /** Makes the next `times` requests to an endpoint fail with its injected-fault code; 0 clears. */
  injectFault(endpoint: string, times: number): void {
    if (times <= 0) this.#faults.delete(endpoint);
    else this.#faults.set(endpoint, times);
  }

  /**
   * Counts one request to a rate-limited endpoint at `now` (the account's
   * clock): `ok` while fewer than `requests` came in the last `perMs`
   * milliseconds, else how long until one more may come. Requests the clock
   * has been moved back before are forgotten.
   */
  takeRequest(
    endpoint: string,
    limit: { requests: number; perMs: number },
    now: number,
  ): { ok: true } | { ok: false; retryAfterMs: number } {
    const recent = (this.#requests.get(endpoint) ?? []).filter((at) => at <= now && now - at < limit.perMs);
    if (recent.length >= limit.requests) {
      this.#requests.set(endpoint, recent);
      return { ok: false, retryAfterMs: (recent[0] as number) + limit.perMs - now };
    }
    recent.push(now);
    this.#requests.set(endpoint, recent);
    return { ok: true };
  }

  /** Consumes one injected fault for an endpoint; true when this request must fail. */
  takeFault(endpoint: string): boolean {
    const left = this.#faults.get(endpoint) ?? 0;
    if (left <= 0) return false;
    if (left === 1) this.#faults.delete(endpoint);
    else this.#faults.set(endpoint, left - 1);
    return true;
  }
}

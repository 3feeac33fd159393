import type { Account } from './accounts.js';
import { PerAccount } from './per-account.js';

/** The window a per-minute limit counts over, on the mock's clock. */
export const RATE_WINDOW_MS = 60_000;

/** Requests counted at one instant: a frozen clock counts every request at the same time, in one entry. */
type Stamp = [at: number, count: number];

/** One account's window on one endpoint, as the admin API shows it. */
export interface RateWindowView {
  /** Requests allowed per minute: the documented limit, or the one a test set. */
  limit: number;
  /** Requests counted in the last minute of the account's clock. */
  used: number;
  remaining: number;
  /** When the oldest counted request leaves the window (ISO-8601), or null when none is counted. */
  freesAt: string | null;
}

/**
 * Per-minute request limits, per account and endpoint (the verification
 * pages' 360 per minute): a sliding window of {@link RATE_WINDOW_MS} on the
 * account's clock. Requests are kept as (instant, count) pairs, so a frozen
 * clock costs one entry however many requests come. A request over the
 * limit is refused and not counted. State is per Account object: an account's
 * reset gives it a fresh window.
 */
export class RateLimits {
  readonly #windows = new PerAccount(() => new Map<string, Stamp[]>());
  readonly #limits = new PerAccount(() => new Map<string, number>());

  #stamps(account: Account, endpoint: string, now: number): Stamp[] {
    const byEndpoint = this.#windows.of(account);
    // Outside the window: older than a minute, or after `now` (the clock went back).
    const kept = (byEndpoint.get(endpoint) ?? []).filter(([at]) => at > now - RATE_WINDOW_MS && at <= now);
    byEndpoint.set(endpoint, kept);
    return kept;
  }

  /** The limit that applies: a test's, else the documented one. */
  limitOf(account: Account, endpoint: string, documented: number): number {
    return this.#limits.peek(account)?.get(endpoint) ?? documented;
  }

  /**
   * Counts one request at `now`, unless the limit is reached: then it is
   * refused, with the milliseconds until the oldest counted request leaves
   * the window.
   */
  take(
    account: Account,
    endpoint: string,
    documented: number,
    now: number,
  ): { ok: true } | { ok: false; retryAfterMs: number } {
    const stamps = this.#stamps(account, endpoint, now);
    const used = stamps.reduce((sum, [, count]) => sum + count, 0);
    if (used >= this.limitOf(account, endpoint, documented)) {
      const oldest = stamps[0]?.[0] ?? now;
      return { ok: false, retryAfterMs: Math.max(0, oldest + RATE_WINDOW_MS - now) };
    }
    const last = stamps.at(-1);
    if (last && last[0] === now) last[1]++;
    else stamps.push([now, 1]);
    return { ok: true };
  }

  /** The window as it stands at `now`. */
  view(account: Account, endpoint: string, documented: number, now: number): RateWindowView {
    const stamps = this.#stamps(account, endpoint, now);
    const used = stamps.reduce((sum, [, count]) => sum + count, 0);
    const limit = this.limitOf(account, endpoint, documented);
    const oldest = stamps[0]?.[0];
    return {
      limit,
      used,
      remaining: Math.max(0, limit - used),
      freesAt: oldest === undefined ? null : new Date(oldest + RATE_WINDOW_MS).toISOString(),
    };
  }

  /** Makes the window hold `used` requests made at `now` (0 empties it): a test reaches the limit in one call. */
  fill(account: Account, endpoint: string, used: number, now: number): void {
    this.#stamps(account, endpoint, now);
    this.#windows.of(account).set(endpoint, used > 0 ? [[now, used]] : []);
  }

  /** Sets this account's limit on the endpoint; undefined puts the documented one back. */
  setLimit(account: Account, endpoint: string, limit: number | undefined): void {
    if (limit === undefined) this.#limits.peek(account)?.delete(endpoint);
    else this.#limits.of(account).set(endpoint, limit);
  }
}

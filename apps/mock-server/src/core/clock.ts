/**
 * The mock's clock: the one place that reads the wall clock. Everything else
 * takes the time as an argument or asks a Clock.
 *
 * A clock runs with the system time (plus an offset) until it is set; setting
 * it freezes it at that instant unless `frozen: false` is asked for, so tests
 * that set the time get exactly that time back. `advanceBy` moves it either way.
 */
export interface ClockState {
  /** ISO-8601 */
  now: string;
  frozen: boolean;
}

/** The earliest time a clock may show: 1970-01-01T00:00:00.000Z. */
export const CLOCK_MIN_MS = 0;
/** The latest: 9999-12-31T23:59:59.999Z, the last instant every date format here can write. */
export const CLOCK_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether a clock may show this time: a whole number of milliseconds within [{@link CLOCK_MIN_MS}, {@link CLOCK_MAX_MS}]. */
export function isClockTime(epochMs: number): boolean {
  return Number.isSafeInteger(epochMs) && epochMs >= CLOCK_MIN_MS && epochMs <= CLOCK_MAX_MS;
}

function checked(epochMs: number): number {
  if (!isClockTime(epochMs)) {
    throw new RangeError(
      `The clock can show 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, in whole milliseconds`,
    );
  }
  return epochMs;
}

export class Clock {
  #offsetMs = 0;
  #frozenAt: number | undefined;
  readonly #source: () => number;
  /** Told before the clock goes back, with the time it is leaving: what happened until then stays done. */
  onRewind: ((leaving: number) => void) | undefined;
  /** Told after the clock was set or moved: events it has reached can happen. */
  onMove: (() => void) | undefined;

  constructor(source: () => number = Date.now) {
    this.#source = source;
  }

  /** Milliseconds since the epoch, as the mock sees it. */
  now(): number {
    return this.#frozenAt ?? this.#source() + this.#offsetMs;
  }

  #rewinding(target: number): void {
    const leaving = this.now();
    if (target < leaving) this.onRewind?.(leaving);
  }

  /** Sets the time; frozen there unless `frozen` is false. Throws a RangeError (and changes nothing) outside the range. */
  set(epochMs: number, options: { frozen?: boolean } = {}): void {
    checked(epochMs);
    this.#rewinding(epochMs);
    if (options.frozen === false) {
      this.#frozenAt = undefined;
      this.#offsetMs = epochMs - this.#source();
    } else {
      this.#frozenAt = epochMs;
    }
    this.onMove?.();
  }

  /** Moves the time by `ms` (negative goes back), frozen or running; a RangeError (and no change) past either end. */
  advanceBy(ms: number): void {
    checked(this.now() + ms);
    if (!Number.isSafeInteger(ms)) checked(Number.NaN);
    this.#rewinding(this.now() + ms);
    if (this.#frozenAt !== undefined) this.#frozenAt += ms;
    else this.#offsetMs += ms;
    this.onMove?.();
  }

  /** Freezes at the current time, or lets a frozen clock run on from where it stands. */
  setFrozen(frozen: boolean): void {
    if (frozen) this.#frozenAt = this.now();
    else if (this.#frozenAt !== undefined) this.set(this.#frozenAt, { frozen: false });
  }

  /** Back to the system time. */
  reset(): void {
    this.#rewinding(this.#source());
    this.#offsetMs = 0;
    this.#frozenAt = undefined;
    this.onMove?.();
  }

  state(): ClockState {
    return { now: new Date(this.now()).toISOString(), frozen: this.#frozenAt !== undefined };
  }
}

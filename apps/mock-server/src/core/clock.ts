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

export class Clock {
  #offsetMs = 0;
  #frozenAt: number | undefined;
  readonly #source: () => number;
  /** Told before the clock goes back, with the time it is leaving: what happened until then stays done. */
  onRewind: ((leaving: number) => void) | undefined;

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

  /** Sets the time; frozen there unless `frozen` is false. */
  set(epochMs: number, options: { frozen?: boolean } = {}): void {
    this.#rewinding(epochMs);
    if (options.frozen === false) {
      this.#frozenAt = undefined;
      this.#offsetMs = epochMs - this.#source();
    } else {
      this.#frozenAt = epochMs;
    }
  }

  /** Moves the time by `ms` (negative goes back), frozen or running. */
  advanceBy(ms: number): void {
    this.#rewinding(this.now() + ms);
    if (this.#frozenAt !== undefined) this.#frozenAt += ms;
    else this.#offsetMs += ms;
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
  }

  state(): ClockState {
    return { now: new Date(this.now()).toISOString(), frozen: this.#frozenAt !== undefined };
  }
}

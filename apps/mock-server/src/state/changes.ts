/**
 * A counter of state changes that listeners can follow: the inbox's live
 * updates. Notifying costs an increment when nobody listens, so the hot path
 * pays nothing for it; listeners are told at most once per `coalesceMs`, so a
 * burst of a thousand sends is one update, not a thousand.
 */
export class ChangeFeed {
  #version = 0;
  readonly #listeners = new Set<(version: number) => void>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly coalesceMs = 100) {}

  /** Grows with every change (requests answered, admin changes, resets). */
  get version(): number {
    return this.#version;
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  notify(): void {
    this.#version++;
    if (this.#listeners.size === 0 || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      for (const listener of this.#listeners) listener(this.#version);
    }, this.coalesceMs);
    // Never keeps a process alive (Node); browsers have no unref.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Calls `listener` after changes; returns the unsubscriber. */
  subscribe(listener: (version: number) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}

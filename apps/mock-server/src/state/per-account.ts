import type { Account } from './accounts.js';

/**
 * A value per Account object, made on first use. Keyed by the object, not the
 * key: an account's reset builds a new Account, so whatever the old one had
 * is gone with it (and garbage-collected).
 */
export class PerAccount<Value> {
  readonly #values = new WeakMap<Account, Value>();
  readonly #make: () => Value;

  constructor(make: () => Value) {
    this.#make = make;
  }

  /** The account's value, made now if it has none. */
  of(account: Account): Value {
    let value = this.#values.get(account);
    if (value === undefined) {
      value = this.#make();
      this.#values.set(account, value);
    }
    return value;
  }

  /** The account's value, if it has one (reading never makes one). */
  peek(account: Account): Value | undefined {
    return this.#values.get(account);
  }
}

/** Drops the oldest entries of a map (insertion order) past `limit`. */
export function keepNewest<Key, Value>(map: Map<Key, Value>, limit: number): void {
  for (const key of map.keys()) {
    if (map.size <= limit) return;
    map.delete(key);
  }
}

/** A binary min-heap by a numeric key: the due events of the lifecycle and the webhook retries. */
export class MinHeap<T> {
  readonly #items: T[] = [];
  constructor(readonly keyOf: (item: T) => number) {}

  get size(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  push(item: T): void {
    const items = this.#items;
    items.push(item);
    let at = items.length - 1;
    const key = this.keyOf(item);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keyOf(items[parent] as T) <= key) break;
      items[at] = items[parent] as T;
      at = parent;
    }
    items[at] = item;
  }

  pop(): T | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    const key = this.keyOf(last);
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && this.keyOf(items[right] as T) < this.keyOf(items[left] as T) ? right : left;
      if (this.keyOf(items[child] as T) >= key) break;
      items[at] = items[child] as T;
      at = child;
    }
    items[at] = last;
    return top;
  }

  /** Every item, in no particular order. */
  values(): readonly T[] {
    return this.#items;
  }

  clear(): void {
    this.#items.length = 0;
  }
}

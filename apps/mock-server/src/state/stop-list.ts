/** One entry of a STOP list: what GET /v1/stop-sms/list shows. */
export interface StopEntry {
  readonly id: number;
  /** E.164. */
  readonly phoneNumber: string;
  /** When it was added, on the account's clock (epoch ms). */
  readonly createdAt: number;
  /** How it got there: the config, the API (`stop-sms/add`) or a STOP reply. */
  readonly origin: 'config' | 'api' | 'reply';
}

/** Hands out STOP-entry ids (unique across accounts, as message ids are) and counts entries against the bound. */
export class StopIds {
  #next = 1;
  #count = 0;
  constructor(readonly limit: number) {}
  take(): number | undefined {
    if (this.#count >= this.limit) return undefined;
    this.#count++;
    return this.#next++;
  }
  release(count = 1): void {
    this.#count -= count;
  }
  clear(): void {
    this.#next = 1;
    this.#count = 0;
  }
}

/**
 * One account's STOP list: the one list the send family's code 14, the
 * status endpoints' `stopSms` flags, the STOP-list endpoints and STOP
 * replies all read and write. Numbers are E.164; ids come from the store's
 * {@link StopIds}, which bounds every list together.
 */
export class StopList {
  readonly #byNumber = new Map<string, StopEntry>();
  readonly #byId = new Map<number, StopEntry>();

  constructor(readonly ids: StopIds) {}

  get size(): number {
    return this.#byNumber.size;
  }

  has(phoneNumber: string): boolean {
    return this.#byNumber.has(phoneNumber);
  }

  get(phoneNumber: string): StopEntry | undefined {
    return this.#byNumber.get(phoneNumber);
  }

  /**
   * Adds a number: its new entry, `exists` when it is already listed, `full`
   * at the store's bound.
   */
  add(
    phoneNumber: string,
    createdAt: number,
    origin: StopEntry['origin'],
  ): { ok: true; entry: StopEntry } | { ok: false; reason: 'exists' | 'full' } {
    if (this.#byNumber.has(phoneNumber)) return { ok: false, reason: 'exists' };
    const id = this.ids.take();
    if (id === undefined) return { ok: false, reason: 'full' };
    const entry: StopEntry = { id, phoneNumber, createdAt, origin };
    this.#byNumber.set(phoneNumber, entry);
    this.#byId.set(id, entry);
    return { ok: true, entry };
  }

  /** Removes an entry by id; false when the list has none with that id. */
  removeId(id: number): boolean {
    const entry = this.#byId.get(id);
    if (!entry) return false;
    this.#byId.delete(id);
    this.#byNumber.delete(entry.phoneNumber);
    this.ids.release();
    return true;
  }

  /** Every entry, oldest first. */
  entries(): IterableIterator<StopEntry> {
    return this.#byId.values();
  }

  /** Empties the list (the account is reset or removed), giving its room back. */
  clear(): void {
    this.ids.release(this.#byId.size);
    this.#byId.clear();
    this.#byNumber.clear();
  }
}

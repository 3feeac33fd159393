import type { Account } from './accounts.js';
import { fingerprint } from './journal.js';

/**
 * Injected faults: what a test asks an account's next requests to suffer.
 * One account's faults never touch another's. A fault either replaces the
 * endpoint's answer (a documented code in the endpoint's voice, a bare HTTP
 * status, a dropped connection: the request is then not processed, nothing
 * changes) or only delays it (`latencyMs` alone); `latencyMs` also delays a
 * replacing answer.
 */
export interface FaultAction {
  /** A code of the endpoint's catalogue, answered with its message, in JSON or XML as asked. */
  readonly code?: number | undefined;
  /** A bare HTTP status (no envelope, an empty body), e.g. 429 or 503. */
  readonly httpStatus?: number | undefined;
  /** The `Retry-After` header of a bare status, in seconds (429 and 503 default to 1). */
  readonly retryAfterSeconds?: number | undefined;
  /** Milliseconds the answer is held back. */
  readonly latencyMs?: number | undefined;
  /** Close the connection without any answer. */
  readonly drop?: boolean | undefined;
}

/** What a test asks for: where, how often, how likely, and what happens. */
export interface FaultInput extends FaultAction {
  /** A registry name, or `*` for every endpoint. */
  readonly endpoint: string;
  /** How many times it fires (default 1); `always` keeps it until it is cleared. */
  readonly times?: number | 'always' | undefined;
  /** The chance, per matching request, that it fires: above 0, at most 1 (the default). */
  readonly probability?: number | undefined;
}

/** A fault as the account holds it. */
export interface Fault extends FaultAction {
  /** Unique within the account: `DELETE /__mock/faults {"id"}` clears this one. */
  readonly id: number;
  readonly endpoint: string;
  readonly probability: number;
  /** Times it will still fire; `undefined`: until cleared. */
  readonly remaining: number | undefined;
  /** Times it fired so far. */
  readonly fired: number;
}

/** Every endpoint: a fault that matches any request of the account. */
export const ANY_ENDPOINT = '*';

interface MutableFault extends Fault {
  remaining: number | undefined;
  fired: number;
}

/**
 * One account's faults, in the order they were added: a request takes the
 * first one that matches its endpoint and wins its probability draw.
 */
export class FaultBook {
  #faults: MutableFault[] = [];
  #nextId = 1;

  /** Adds a fault; with `replace`, the endpoint's earlier faults go first. */
  add(input: FaultInput, options: { replace?: boolean } = {}): Fault {
    if (options.replace) this.clear({ endpoint: input.endpoint });
    const fault: MutableFault = {
      id: this.#nextId++,
      endpoint: input.endpoint,
      code: input.code,
      httpStatus: input.httpStatus,
      retryAfterSeconds: input.retryAfterSeconds,
      latencyMs: input.latencyMs,
      drop: input.drop,
      probability: input.probability ?? 1,
      remaining: input.times === 'always' ? undefined : (input.times ?? 1),
      fired: 0,
    };
    this.#faults.push(fault);
    return { ...fault };
  }

  /** Removes the faults that match (all of them without a filter); answers how many went. */
  clear(filter: { endpoint?: string | undefined; id?: number | undefined } = {}): number {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter(
      (fault) =>
        !(
          (filter.endpoint === undefined || fault.endpoint === filter.endpoint) &&
          (filter.id === undefined || fault.id === filter.id)
        ),
    );
    return before - this.#faults.length;
  }

  /** The faults still armed, oldest first (copies). */
  list(): Fault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  get size(): number {
    return this.#faults.length;
  }

  /**
   * The fault this request to `endpoint` suffers, if any, consumed: the first
   * matching fault whose draw (`random() < probability`) succeeds.
   */
  take(endpoint: string, random: () => number): Fault | undefined {
    if (this.#faults.length === 0) return undefined;
    for (const fault of this.#faults) {
      if (fault.endpoint !== endpoint && fault.endpoint !== ANY_ENDPOINT) continue;
      if (fault.probability < 1 && !(random() < fault.probability)) continue;
      fault.fired++;
      if (fault.remaining !== undefined) {
        fault.remaining--;
        if (fault.remaining <= 0) this.#faults = this.#faults.filter((other) => other !== fault);
      }
      return { ...fault };
    }
    return undefined;
  }
}

/** A fault as the admin API shows it: `times` left (or `always`), `fired` so far, the account by label. */
export interface FaultView {
  id: number;
  account: string;
  endpoint: string;
  code: number | null;
  httpStatus: number | null;
  retryAfterSeconds: number | null;
  latencyMs: number | null;
  drop: boolean;
  probability: number;
  times: number | 'always';
  fired: number;
}

export function faultView(account: Account, fault: Fault): FaultView {
  return {
    id: fault.id,
    account: account.name ?? fingerprint(account.apiKey),
    endpoint: fault.endpoint,
    code: fault.code ?? null,
    httpStatus: fault.httpStatus ?? null,
    retryAfterSeconds: fault.retryAfterSeconds ?? null,
    latencyMs: fault.latencyMs ?? null,
    drop: fault.drop === true,
    probability: fault.probability,
    times: fault.remaining ?? 'always',
    fired: fault.fired,
  };
}

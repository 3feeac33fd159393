import {
  type AnyEndpoint,
  authOf,
  type CodeCatalogue,
  type EndpointName,
  type Endpoints,
  elementIdFor,
  endpoints,
  rejectRequest,
  requestShapeOf,
  type ValidationIssue,
} from '@smspartner-kit/schema';
import type * as z from 'zod/mini';
import type { Account } from '../state/accounts.js';
import type { Fault } from '../state/faults.js';
import type { Store } from '../state/store.js';
import type { MockConfig } from './config.js';

/** The control codes of one endpoint, from its registry catalogue. */
export type CodeOf<Name extends EndpointName> = keyof Endpoints[Name]['codes'] & number;
/** One endpoint's request, as its registry schema parses it. */
export type RequestOf<Name extends EndpointName> = z.output<Endpoints[Name]['request']>;
/** One endpoint's success body, as its registry response schema reads it off the wire. */
export type SuccessOf<Name extends EndpointName> = z.input<Endpoints[Name]['response']>;

/** A failure answer: a code of the endpoint's catalogue with its message, or a code-9 list. */
export type Failure<Code extends number = number> =
  | { readonly success: false; readonly code: Code; readonly message: string }
  | { readonly success: false; readonly code: Code & 9; readonly error: readonly ValidationIssue[] };

/** What a handler of `Name` may answer: its success body, or a failure with one of its codes. */
export type ResultOf<Name extends EndpointName> = SuccessOf<Name> | Failure<CodeOf<Name>>;

/**
 * Any answer in SMS Partner's envelope, as it goes to the wire. A success may
 * lack `success` (Add Bulk Contacts answers a bare report) or `code` (the
 * group list): only `success: false` marks a failure.
 */
export type WireBody = { readonly success?: boolean; readonly code?: number } & Readonly<
  Record<string, unknown>
>;

/** Whether an answer is a success: anything but `success: false`. */
export function isSuccess(body: WireBody): boolean {
  return body.success !== false;
}

/** What the HTTP layer (or any other adapter) knows of a request besides its parameters. */
export interface RequestEnvironment {
  readonly store: Store;
  readonly config: MockConfig;
  /** The caller's IP address, for accounts with an allow-list (code 96). */
  readonly ip?: string | undefined;
  /**
   * Check every success body against the endpoint's response schema, and throw
   * when it does not fit (tests turn this on, so a handler that drifts from the
   * registry fails its tests even where no contract covers it).
   */
  readonly checkResponses?: boolean;
}

/** What a handler of `Name` is given besides its parsed request. */
export interface HandlerContext<Name extends EndpointName> {
  /** The authenticated account; the gates it had to pass are behind it. */
  readonly account: Account;
  /** The whole state: `state.messages.schedule(…)`, `state.prices`, … */
  readonly state: Store;
  /** The time, from the account's clock: the only time a handler knows. */
  readonly now: number;
  readonly config: MockConfig;
  /** The parameters as received, before parsing. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** A failure with one of the endpoint's codes, its message read from the catalogue. */
  readonly fail: (code: CodeOf<Name>) => Failure<CodeOf<Name>>;
  /** A code-9 answer listing `items` (only where the endpoint documents code 9). */
  readonly invalid: 9 extends CodeOf<Name>
    ? (items: readonly ValidationIssue[]) => Failure<CodeOf<Name>>
    : never;
  /**
   * Lets this answer show an API key where the docs show one (the Sub-account
   * List's `apiKey`): the key of one of the caller's own sub-accounts, and
   * only in this answer. Returns the key. Every other key, and this one in any
   * other answer, log line or journal entry, is still scrubbed.
   */
  readonly disclose: (apiKey: string) => string;
}

/** An endpoint's own logic: its parsed request in, a typed answer out. No HTTP, no Express. */
export type HandlerFor<Name extends EndpointName> = (
  request: RequestOf<Name>,
  context: HandlerContext<Name>,
) => ResultOf<Name>;

export interface HandlerOptions<Name extends EndpointName> {
  /**
   * When a request to this endpoint is in fact another endpoint's (a bulk body
   * sent to POST /v1/send, as the bulk page's header says), that endpoint
   * answers it, from the start of its own pipeline.
   */
  readonly delegate?: (raw: Readonly<Record<string, unknown>>) => EndpointName | undefined;
  /**
   * When the request schema refused the request with a code-9 list: the
   * endpoint's answer, given that list (e.g. the send family adds what it
   * finds wrong with the numbers, so one answer names every faulty field).
   * Default: the list as it is.
   */
  readonly onInvalid?: (items: readonly ValidationIssue[], context: HandlerContext<Name>) => ResultOf<Name>;
  /**
   * Whether this account may use the endpoint at all, checked after the gates
   * and before the request is read, like them: managing sub-accounts is a
   * master account's, once activated (create answers 2, credit moves 4).
   */
  readonly authorize?: (context: HandlerContext<Name>) => Failure<CodeOf<Name>> | undefined;
}

/** A handler as the registry-wide map holds it. */
export interface Handler<Name extends EndpointName = EndpointName> {
  readonly name: Name;
  readonly handle: HandlerFor<Name>;
  readonly options: HandlerOptions<Name>;
}

/**
 * Declares an endpoint's handler. The pipeline around it is written once
 * ({@link runHandler}): key checks, account gates, injected faults, strict
 * mode, request parsing, field codes and the code-9 list all happen before
 * `handle` is called, in the order the README's "Check order" states.
 *
 * @example
 * // endpoints/<family>/<endpoint>.ts, exported under the registry name:
 * export const name = defineHandler('name', (request, { account, state, now, fail }) => …);
 */
export function defineHandler<Name extends EndpointName, Result extends ResultOf<Name>>(
  name: Name,
  handle: (
    request: RequestOf<Name>,
    context: HandlerContext<Name>,
  ) => Result & OnlyKnownKeys<Result, SuccessOf<Name>>,
  options: HandlerOptions<Name> = {},
): Handler<Name> {
  return { name, handle, options };
}

/**
 * A success body may hold only the keys its response schema declares (an
 * object literal returned from a function escapes TypeScript's excess-property
 * check otherwise): an undeclared key is typed `never`, so it does not compile.
 */
type OnlyKnownKeys<Result, Success> = Result extends { readonly success: true }
  ? { readonly [Key in keyof Result]: Key extends keyof Success ? Result[Key] : never }
  : unknown;

/** A failure answer, its message read from the catalogue (the one place it is written). */
export function failure<C extends CodeCatalogue>(
  catalogue: C,
  code: keyof C & number,
): Failure<keyof C & number> {
  return { success: false, code, message: catalogue[code]?.message ?? 'Error' };
}

/** A code-9 answer. The list travels under `error`, as in recorded traffic. */
export function validationFailure(items: readonly ValidationIssue[]): Failure<9> {
  return { success: false, code: 9, error: items };
}

function normalizeIp(ip: string | undefined): string | undefined {
  return ip?.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/** The key checks alone: no key → the endpoint's "missing" code (1), an unknown key → its "unknown" code (10). */
function identify(
  endpoint: AnyEndpoint,
  raw: Readonly<Record<string, unknown>>,
  store: Store,
): { account: Account } | { answer: Failure } {
  const auth = authOf(endpoint);
  const apiKey = raw.apiKey;
  if (apiKey === undefined || apiKey === null || apiKey === '') {
    return { answer: failure(endpoint.codes, auth.missing) };
  }
  const account = typeof apiKey === 'string' ? store.account(apiKey) : undefined;
  if (!account) return { answer: failure(endpoint.codes, auth.unknown) };
  return { account };
}

/**
 * The account gates, each only where the endpoint's catalogue documents its
 * code (the seed's cancel table lists none): IP allow-list → 96, API access
 * off → 40, deactivated → 20, blocked → 30.
 */
function gate(endpoint: AnyEndpoint, account: Account, ip: string | undefined): Failure | undefined {
  const { settings } = account;
  const closed: [code: number, test: () => boolean][] = [
    [96, () => settings.allowedIps !== undefined && !settings.allowedIps.includes(normalizeIp(ip) ?? '')],
    [40, () => !settings.apiAccess],
    [20, () => settings.status === 'disabled'],
    [30, () => settings.status === 'blocked'],
  ];
  for (const [code, test] of closed) {
    if (endpoint.codes[code] && test()) return failure(endpoint.codes, code);
  }
  return undefined;
}

/** The request fields an endpoint documents, read once from its schema. */
const knownFields = new Map<string, ReadonlySet<string>>();
export function requestFields(endpoint: AnyEndpoint): ReadonlySet<string> {
  let known = knownFields.get(endpoint.name);
  if (!known) {
    known = new Set(Object.keys(requestShapeOf(endpoint)));
    knownFields.set(endpoint.name, known);
  }
  return known;
}

/** A `null` field reads as absent, as a form-minded PHP back end reads it. */
function withoutNulls(raw: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  let copy: Record<string, unknown> | undefined;
  for (const key in raw) {
    if (raw[key] === null) {
      copy ??= { ...raw };
      delete copy[key];
    }
  }
  return copy ?? raw;
}

/** A code-9 list in the order the endpoint's API lists its items (its `validationOrder`). */
function inValidationOrder(endpoint: AnyEndpoint, body: WireBody): WireBody {
  const order = endpoint.validationOrder;
  const items = body.error;
  if (!order || body.code !== 9 || !Array.isArray(items) || items.length < 2) return body;
  const rank = (item: ValidationIssue) => {
    const field = /^children\[(.*)\]\.data$/.exec(item.elementId)?.[1];
    const index = field === undefined ? -1 : order.indexOf(field);
    return index < 0 ? order.length : index;
  };
  const sorted = items
    .map((item: ValidationIssue, index: number) => ({ item, index, rank: rank(item) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.item);
  return { ...body, error: sorted };
}

/**
 * What an injected fault asks of the adapter that carries the answer: hold it
 * back, replace it with a bare HTTP status, or close the connection. (A fault
 * with a code is already in the body.)
 */
export interface FaultEffect {
  /** The fault's id in its account (`GET /__mock/faults`). */
  readonly id: number;
  readonly latencyMs?: number | undefined;
  readonly httpStatus?: number | undefined;
  readonly retryAfterSeconds?: number | undefined;
  readonly drop?: boolean | undefined;
}

/** The answer to one request, and what the adapter reports next to it. */
export interface Outcome {
  readonly body: WireBody;
  /** The endpoint that answered (after any delegation). */
  readonly endpoint: AnyEndpoint;
  /** Request fields the endpoint does not document, in the order they came. */
  readonly unknownFields: readonly string[];
  /** The HTTP status the catalogue documents for the failure's code (429 over a rate limit), if any. */
  readonly httpStatus?: number;
  /** Over a rate limit: seconds until a request would be counted again (the `Retry-After` header). */
  readonly retryAfterSeconds?: number;
  /** API keys this answer may show (see {@link HandlerContext.disclose}); the adapter scrubs every other. */
  readonly disclosed: readonly string[];

  /** An injected fault the adapter must apply; absent on ordinary requests. */
  readonly fault?: FaultEffect;
}

/** The HTTP status an endpoint's catalogue gives a failure's code, if it gives one. */
function documentedStatus(endpoint: AnyEndpoint, body: WireBody): number | undefined {
  return body.success === false && typeof body.code === 'number'
    ? (endpoint.codes as CodeCatalogue)[body.code]?.httpStatus
    : undefined;
}

/**
 * The entries that share another entry's route and take its requests when a
 * field of theirs is present (`selectedBy`): by the route owner's name.
 */
let selecting: ReadonlyMap<string, readonly [field: string, name: EndpointName][]> | undefined;
function selectedFor(name: EndpointName, raw: Readonly<Record<string, unknown>>): EndpointName | undefined {
  if (!selecting) {
    const map = new Map<string, [string, EndpointName][]>();
    const all = Object.entries(endpoints) as [EndpointName, AnyEndpoint][];
    for (const [other, entry] of all) {
      if (entry.selectedBy === undefined) continue;
      for (const [owner, candidate] of all) {
        if (candidate.selectedBy !== undefined || candidate.path !== entry.path) continue;
        if (candidate.method !== entry.method) continue;
        map.set(owner, [...(map.get(owner) ?? []), [entry.selectedBy, other]]);
      }
    }
    selecting = map;
  }
  return selecting.get(name)?.find(([field]) => raw[field] !== undefined)?.[1];
}

/** 429 and 503 tell the caller when to come back. */
const RETRY_AFTER_DEFAULT: Readonly<Record<number, number>> = { 429: 1, 503: 1 };

/**
 * What a fault the account just suffered does to this request: an answer in
 * place of the endpoint's (its code, documented by the endpoint; code 500 for
 * a fault without an action, where the endpoint documents it; a bare status or
 * a dropped connection), or only a delay. A fault whose code the endpoint does
 * not document (set on the store directly) does nothing.
 */
function faultAnswer(
  endpoint: AnyEndpoint,
  fault: Fault,
): { body?: WireBody; effect: FaultEffect } | undefined {
  const effect: FaultEffect = {
    id: fault.id,
    latencyMs: fault.latencyMs,
    httpStatus: fault.httpStatus,
    retryAfterSeconds:
      fault.httpStatus === undefined
        ? undefined
        : (fault.retryAfterSeconds ?? RETRY_AFTER_DEFAULT[fault.httpStatus]),
    drop: fault.drop,
  };
  if (fault.drop || fault.httpStatus !== undefined) {
    const status = fault.drop ? 0 : (fault.httpStatus as number);
    return {
      body: { success: false, message: fault.drop ? 'Injected fault: connection dropped' : `HTTP ${status}` },
      effect,
    };
  }
  const code = fault.code ?? (fault.latencyMs === undefined ? 500 : undefined);
  if (code === undefined) return { effect };
  if (!endpoint.codes[code]) return undefined;
  return { body: failure(endpoint.codes, code), effect };
}

/**
 * THE pipeline, the same for every endpoint: key (1, 10) → the endpoint's
 * rate limit, where it documents one (429; every request with a known key
 * counts, a refused one does not) → strict mode's undocumented fields (9,
 * after the key so a caller without one learns nothing) → account gates (96,
 * 40, 20, 30) → injected faults → the lifecycle catches up with the account's
 * clock → request schema (field codes, else the code-9 list) → the handler.
 * Nothing here is HTTP: `raw` is the query string or the JSON body, already read.
 */
export function runHandler(
  handlers: { readonly [Name in EndpointName]: Handler<Name> },
  name: EndpointName,
  given: Readonly<Record<string, unknown>>,
  env: RequestEnvironment,
): Outcome {
  let raw = given;
  const handler = handlers[name] as unknown as Handler<EndpointName>;
  const target = handler.options.delegate?.(raw) ?? selectedFor(name, raw);
  if (target !== undefined && target !== name) return runHandler(handlers, target, raw, env);

  const endpoint = endpoints[name] as AnyEndpoint;
  const known = requestFields(endpoint);
  const unknownFields = Object.keys(raw).filter((key) => !known.has(key));
  const disclosed: string[] = [];
  let fault: FaultEffect | undefined;
  const answer = (body: WireBody, retryAfterSeconds?: number): Outcome => {
    const httpStatus = documentedStatus(endpoint, body);
    return {
      body: inValidationOrder(endpoint, body),
      endpoint,
      unknownFields,
      disclosed,
      ...(httpStatus === undefined ? {} : { httpStatus }),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      ...(fault ? { fault } : {}),
    };
  };
  raw = withoutNulls(raw);

  const identity = identify(endpoint, raw, env.store);
  if ('answer' in identity) return answer(identity.answer);
  const { account } = identity;
  const now = env.store.clockFor(account.apiKey).now();
  if (endpoint.rateLimit) {
    const taken = env.store.rateLimits.take(account, endpoint.name, endpoint.rateLimit.perMinute, now);
    if (!taken.ok) return answer(failure(endpoint.codes, 429), Math.ceil(taken.retryAfterMs / 1000));
  }
  if (unknownFields.length > 0 && env.config.strictParams && endpoint.fallbackCode !== undefined) {
    return answer(failure(endpoint.codes, endpoint.fallbackCode));
  }
  if (
    unknownFields.length > 0 &&
    env.config.strictParams &&
    endpoint.codes[9] &&
    endpoint.validationList !== false
  ) {
    return answer(
      validationFailure(
        unknownFields.map((key) => ({
          elementId: elementIdFor(key),
          message: 'This field is not documented',
        })),
      ),
    );
  }
  const closed = gate(endpoint, account, env.ip);
  if (closed) return answer(closed);
  const taken = account.takeFault(endpoint.name, env.store.random);
  const faulty = taken && faultAnswer(endpoint, taken);
  if (faulty) {
    fault = faulty.effect;
    if (faulty.body) return answer(faulty.body);
  }
  // What the account's clock has reached happens before it is answered (a STOP reply lists its sender).
  env.store.catchUp(account);

  const context: HandlerContext<EndpointName> = {
    account,
    state: env.store,
    now,
    config: env.config,
    raw,
    fail: (code) => failure(endpoint.codes, code) as Failure<never>,
    invalid: ((items: readonly ValidationIssue[]) => validationFailure(items)) as never,
    disclose: (apiKey) => {
      if (env.store.mayDisclose(account, apiKey)) disclosed.push(apiKey);
      return apiKey;
    },
  };
  const refused = handler.options.authorize?.(context);
  if (refused) return answer(refused);
  const parsed = endpoint.request.safeParse(raw);
  if (!parsed.success) {
    const rejection = rejectRequest(endpoint, parsed.error.issues, raw);
    // A field's own code (stop-sms/add's 9 "Invalid phone number" included) is a simple answer.
    if (rejection.errors === undefined)
      return answer({ success: false, code: rejection.code, message: rejection.message });
    const items = rejection.errors;
    return answer(
      (handler.options.onInvalid
        ? handler.options.onInvalid(items, context)
        : validationFailure(items)) as WireBody,
    );
  }
  const body = handler.handle(parsed.data as never, context) as WireBody;
  if (env.checkResponses && isSuccess(body)) {
    const checked = endpoint.response.safeParse(body);
    if (!checked.success) {
      throw new Error(
        `The mock's ${name} answer does not fit the registry's response schema: ${JSON.stringify(checked.error.issues)}`,
      );
    }
  }
  return answer(body);
}

/**
 * Shared helpers of the robustness suite: the replayable fast-check settings,
 * a raw HTTP client (node:http, so a test controls every byte, header and
 * method), generators of hostile input built from the endpoint registry, and
 * THE oracle: what the mock must answer to a request, read from the wire
 * rules (the README's "Bad input" and "Check order") and the registry, never
 * from one endpoint's specifics. Only this file knows how a request travels.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import {
  type AnyEndpoint,
  CONTACT_DETAIL_FIELDS,
  codesOf,
  decodeXml,
  endpoints,
  entriesToJson,
  errorEnvelope,
  successCodeOf,
  xmlResult,
} from '@smspartner-kit/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, expect } from 'vitest';
import { parseFormFields } from '../../src/http/body.ts';
import {
  type AppOptions,
  type RunningMock,
  type Store,
  startMockServer,
  transportCodes,
} from '../../src/index.ts';

// ---------------------------------------------------------------- seeds and runs

/** The default seed of every property. `FC_SEED=<n>` replays another run; fast-check prints seed and path on failure. */
export const DEFAULT_SEED = 20_300_115;

function seedFromEnv(): number {
  const raw = process.env.FC_SEED?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${raw}"`);
  return seed;
}

export const SEED = seedFromEnv();

/**
 * fast-check parameters: the fixed (or FC_SEED) seed and a run count kept small
 * enough for the suite's time budget. `FC_RUNS_FACTOR=10` runs more, locally;
 * `FC_PATH` (with `-t` picking one test) replays one counterexample directly.
 */
export function runs(numRuns: number): fc.Parameters<unknown> {
  const factor = Number(process.env.FC_RUNS_FACTOR ?? 1);
  const path = process.env.FC_PATH;
  return {
    seed: SEED,
    numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(factor) && factor > 0 ? factor : 1))),
    ...(path ? { path } : {}),
  };
}

// ---------------------------------------------------------------- time and keys

/** 09:00 in Paris (winter, UTC+1). Every clock starts here, frozen. */
export const T0 = Date.parse('2030-01-15T08:00:00Z');
export const MINUTE = 60_000;
/** The funded account the fuzzers mostly use. */
export const FUZZ_KEY = 'robustness-fuzz-key';
export const FUZZ_CREDITS = 1_000_000;

type AccountSettings = Parameters<Store['upsertAccount']>[2];

/**
 * Accounts whose settings close one gate, with the code they must get wherever
 * the endpoint's catalogue lists it (README: account gates apply where the
 * endpoint's table lists their codes; elsewhere the request goes on as usual).
 */
export const GATED_ACCOUNTS: Readonly<Record<string, { settings: AccountSettings; code: number }>> = {
  'robustness-other-ip-key': { settings: { allowedIps: ['192.0.2.1'] }, code: 96 },
  'robustness-no-api-key': { settings: { apiAccess: false }, code: 40 },
  'robustness-disabled-key': { settings: { status: 'disabled' }, code: 20 },
  'robustness-blocked-key': { settings: { status: 'blocked' }, code: 30 },
};

/** Open accounts with other settings: a marketing account, one with no money. */
export const OTHER_ACCOUNTS: Readonly<Record<string, { credits: number; settings: AccountSettings }>> = {
  'robustness-marketing-key': { credits: 1_000, settings: { marketing: true } },
  'robustness-broke-key': { credits: 0, settings: {} },
};

// ---------------------------------------------------------------- the registry

export type RegistryEntry = readonly [name: string, endpoint: AnyEndpoint];

/** Every endpoint of the registry, as it is when the suite starts: new entries are covered without changes here. */
export const registry: readonly RegistryEntry[] = Object.entries(endpoints) as unknown as RegistryEntry[];

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  in?: unknown;
  innerType?: unknown;
}

/** The request fields an endpoint documents, read from its zod object schema (through pipes and wrappers). */
export function fieldsOf(endpoint: AnyEndpoint): string[] {
  let schema: unknown = endpoint.request;
  for (let depth = 0; depth < 10 && schema; depth++) {
    const def = (schema as { _zod?: { def?: SchemaDef } })._zod?.def;
    if (!def) break;
    if (def.shape) return Object.keys(def.shape);
    schema = def.in ?? def.innerType;
  }
  return [];
}

/**
 * The code a success envelope reads as: the endpoint's success code (200, or
 * call forwarding's 2), and 200 for a success body without a code (targeting).
 */
export function successCode(endpoint: AnyEndpoint | undefined): number {
  return (endpoint ? successCodeOf(endpoint) : 200) ?? 200;
}

/** Codes an endpoint may ever answer: its catalogue, the HTTP layer's codes, and its success code. */
export function allowedCodes(endpoint: AnyEndpoint | undefined): number[] {
  return [
    ...new Set([
      successCode(endpoint),
      ...codesOf(transportCodes),
      ...(endpoint ? codesOf(endpoint.codes) : []),
    ]),
  ].sort((a, b) => a - b);
}

/** The methods an endpoint's route answers: its own, and the others the docs give it (`alsoAnswers`). */
export function methodsOf(endpoint: AnyEndpoint): string[] {
  return [endpoint.method, ...(endpoint.alsoAnswers?.methods ?? [])];
}

/** The `Allow` header of an endpoint's route. */
export function allowOf(endpoint: AnyEndpoint): string {
  return `${methodsOf(endpoint).join(', ')}, OPTIONS`;
}

/** Whether an endpoint's page documents `_format` (its request has it): the others answer JSON whatever is asked. */
export function speaksXml(endpoint: AnyEndpoint): boolean {
  return fieldsOf(endpoint).includes('_format');
}

/**
 * The entry that answers a request on an endpoint's route: the one a field
 * of the request selects (`selectedBy`: a `contactsList` makes a POST to
 * /v1/contact/add Add Bulk Contacts), else the route's owner.
 */
export function answeringEndpoint(endpoint: AnyEndpoint, params: Record<string, unknown>): AnyEndpoint {
  const sharing = registry
    .map(([, other]) => other)
    .filter((other) => other.method === endpoint.method && other.path === endpoint.path);
  const selected = sharing.find(
    (other) => other.selectedBy !== undefined && params[other.selectedBy] !== undefined,
  );
  return selected ?? sharing.find((other) => other.selectedBy === undefined) ?? endpoint;
}

/** Codes a request that reached the handler may get: the endpoint's catalogue and success code, no transport code. */
export function handlerCodes(endpoint: AnyEndpoint): number[] {
  return [successCode(endpoint), ...codesOf(endpoint.codes)];
}

/** Where the endpoint's success body has no `code` (targeting): a success reads as {@link successCode}. */
const codeless = (endpoint: AnyEndpoint | undefined, success: unknown) =>
  success === true && endpoint !== undefined && successCodeOf(endpoint) === null;

// ---------------------------------------------------------------- the mock

export interface MockHandle {
  readonly mock: RunningMock;
  readonly url: string;
  readonly store: Store;
  readonly logs: string[];
}

/**
 * Every string of the registry's example requests. The fuzzing account owns
 * them all (as virtual numbers, survey ids…), so requests built from an
 * example get past the ownership checks to the deeper rules, on any endpoint.
 */
function exampleStrings(): string[] {
  const strings = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const [, endpoint] of registry) walk(endpoint.example.request);
  return [...strings];
}

/** The distinct string values the registry's example requests give one field (`groupId`, `token`…). */
function exampleValues(field: string): string[] {
  const values = registry
    .map(([, endpoint]) => (endpoint.example.request as Record<string, unknown>)[field])
    .filter((value): value is string => typeof value === 'string');
  return [...new Set(values)];
}

/** Frozen at T0, every account back to the config; the fuzzing, gated and other accounts (re)created. */
export function resetMock(mock: RunningMock): void {
  mock.store.reset();
  mock.store.clock.set(T0);
  const owned = exampleStrings();
  const { account: fuzz } = mock.store.upsertAccount(FUZZ_KEY, FUZZ_CREDITS, {
    unicode: true,
    virtualNumbers: owned,
    surveys: Object.fromEntries(owned.map((id) => [id, 'Your opinion matters: reply 1 to 5'])),
    subaccounts: true,
  });
  // The fuzzing account sends far more than 360 requests in its frozen minute: without a higher limit,
  // the rate-limited endpoints would answer it 429 only, and their deeper rules would go unfuzzed.
  const fuzzer = mock.store.account(FUZZ_KEY);
  for (const [name, endpoint] of registry)
    if (endpoint.rateLimit && fuzzer) mock.store.rateLimits.setLimit(fuzzer, name, Number.MAX_SAFE_INTEGER);
  // The examples' groups, contacts and sub-accounts, so requests built from them reach the deeper rules.
  const now = mock.store.clock.now();
  for (const groupId of exampleValues('groupId'))
    mock.store.contacts.createGroup(fuzz, 'Fuzz group', now, groupId);
  const [group] = mock.store.contacts.groups(fuzz);
  for (const [index, contactId] of exampleValues('contactId').entries()) {
    const phone = `+336${90_000_000 + index}`;
    const fields = { phone, ...Object.fromEntries(CONTACT_DETAIL_FIELDS.map((field) => [field, ''])) };
    if (group) mock.store.contacts.insertContact(fuzz, group.id, fields as never, now, contactId);
  }
  for (const token of [...exampleValues('token'), ...exampleValues('tokenSubaccount')]) {
    const draft = { type: 'simple' as const, email: undefined, isBuyer: false, creditMicros: 1_000_000 };
    mock.store.openSubaccount(fuzz, draft, now, { token });
  }
  for (const [apiKey, { settings }] of Object.entries(GATED_ACCOUNTS))
    mock.store.upsertAccount(apiKey, FUZZ_CREDITS, settings);
  for (const [apiKey, { credits, settings }] of Object.entries(OTHER_ACCOUNTS))
    mock.store.upsertAccount(apiKey, credits, settings);
}

/** One mock on port 0 for a test file, its log lines kept; reset (see resetMock) once before the file's tests. */
export function useMockServer(options: AppOptions = {}): MockHandle {
  const logs: string[] = [];
  let running: RunningMock | undefined;
  const mock = (): RunningMock => {
    if (!running) throw new Error('the mock is not started yet');
    return running;
  };
  beforeAll(async () => {
    running = await startMockServer({
      log: (line) => logs.push(line),
      checkResponses: true,
      ...options,
      port: 0,
    });
    resetMock(running);
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    get mock() {
      return mock();
    },
    get url() {
      return mock().url;
    },
    get store() {
      return mock().store;
    },
    logs,
  };
}

/** The mock still answers (a health request on the admin API) and never logged an internal error. */
export async function expectAlive(handle: MockHandle): Promise<void> {
  const answer = await http(handle.url, { method: 'GET', path: '/__mock/clock' });
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.text)).toHaveProperty('now');
  expect(handle.logs.filter((line) => /internal error/i.test(line))).toEqual([]);
}

/**
 * Every fuzzing account's whole state (balance, settings, faults…), message
 * list, groups and contacts, sub-accounts and their balances, to prove a
 * failed request changed nothing.
 */
export function fuzzAccountsSnapshot(store: Store): string {
  const keys = [FUZZ_KEY, ...Object.keys(GATED_ACCOUNTS), ...Object.keys(OTHER_ACCOUNTS)];
  return JSON.stringify(
    keys.map((apiKey) => {
      const account = store.account(apiKey);
      return {
        apiKey,
        account,
        messages: store.listMessages(apiKey),
        groups: account
          ? store.contacts.groups(account).map((group) => ({
              ...group,
              contacts: store.contacts.page(account, group.id, 1, Number.MAX_SAFE_INTEGER)?.contacts,
            }))
          : [],
        subaccounts: account
          ? store.subaccounts.of(account).map((info) => [info.token, info.email, info.account.balanceMicros])
          : [],
        subaccountsEnabled: account ? store.subaccounts.enabled(account) : false,
      };
    }),
  );
}

// ---------------------------------------------------------------- raw HTTP

export interface HttpRequest {
  method: string;
  /** Path and query string, already percent-encoded. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface HttpAnswer {
  request: HttpRequest;
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string;
  text: string;
}

const agent = new Agent({ keepAlive: true });

/**
 * Sends one request exactly as given (method, path bytes, headers, body bytes)
 * and reads the whole answer. A kept-alive connection the server closed just
 * as it was reused (the race Node's docs describe for `reusedSocket`) is
 * retried once on a new connection; any other failure to answer is an error.
 */
export function http(base: string, request: HttpRequest): Promise<HttpAnswer> {
  return send(base, request, agent).catch((error: NodeJS.ErrnoException & { reused?: boolean }) => {
    if (error.reused && (error.code === 'ECONNRESET' || error.message === 'socket hang up'))
      return send(base, request, false);
    throw new Error(
      `no answer (did the mock crash?) to ${request.method} ${request.path.slice(0, 200)}: ${error.code ?? ''} ${error.message}`,
    );
  });
}

function send(base: string, request: HttpRequest, via: Agent | false): Promise<HttpAnswer> {
  const url = new URL(base);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  // Node frames a GET/DELETE/OPTIONS body only when told its length: without it the bytes would read as a next request.
  const length = body === undefined ? {} : { 'content-length': String(body.length) };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: { ...length, ...request.headers },
        agent: via,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({
            request,
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            contentType: incoming.headers['content-type'] ?? '',
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', (error) => reject(Object.assign(error, { reused: outgoing.reusedSocket })));
    outgoing.end(body);
  });
}

/** Percent-encodes text as WTF-8: a lone surrogate travels as its 3 raw bytes (invalid UTF-8), as a sloppy client would send it. */
export function percentEncode(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    let point = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (point >= 0xd800 && point <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      point = 0x10000 + ((point - 0xd800) << 10) + (next - 0xdc00);
      index++;
    }
    const char = String.fromCodePoint(point);
    if (/^[A-Za-z0-9_.~-]$/.test(char)) {
      out += char;
      continue;
    }
    const bytes =
      point < 0x80
        ? [point]
        : point < 0x800
          ? [0xc0 | (point >> 6), 0x80 | (point & 63)]
          : point < 0x10000
            ? [0xe0 | (point >> 12), 0x80 | ((point >> 6) & 63), 0x80 | (point & 63)]
            : [
                0xf0 | (point >> 18),
                0x80 | ((point >> 12) & 63),
                0x80 | ((point >> 6) & 63),
                0x80 | (point & 63),
              ];
    for (const byte of bytes) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A query parameter; `undefined` sends the bare name (`?a`). */
export type QueryPair = readonly [name: string, value: string | undefined];

/** Longest query string sent: Node refuses longer request lines (431) before the mock sees them. */
export const MAX_QUERY_LENGTH = 8_000;

export function queryString(pairs: readonly QueryPair[]): string {
  if (pairs.length === 0) return '';
  // Cut before encoding too: encoding a 100 000-character value only to drop most of it is slow.
  const encode = (part: string) => percentEncode(part.slice(0, MAX_QUERY_LENGTH));
  const query = pairs
    .map(([name, value]) => (value === undefined ? encode(name) : `${encode(name)}=${encode(value)}`))
    .join('&');
  return `?${query.slice(0, MAX_QUERY_LENGTH)}`;
}

/** Request parameters in order; a name may repeat (a repeated query parameter, a duplicate JSON key). */
export type Entries = readonly (readonly [name: string, value: unknown])[];

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** How entries travel in a query string: arrays repeat the name, objects become `name[key]`, null a bare name. */
export function queryPairs(entries: Entries): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    if (value === null) pairs.push([name, undefined]);
    else if (Array.isArray(value)) for (const item of value) pairs.push([name, scalarText(item)]);
    else if (typeof value === 'object')
      for (const [key, item] of Object.entries(value)) pairs.push([`${name}[${key}]`, scalarText(item)]);
    else pairs.push([name, scalarText(value)]);
  }
  return pairs;
}

/** A JSON object text from entries, keeping duplicate names and `__proto__` keys as written. */
export function jsonObjectText(entries: Entries): string {
  const members = entries
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value) ?? 'null'}`);
  return `{${members.join(',')}}`;
}

/** The request an endpoint expects: a GET with a query string, or a POST with a JSON body. */
export function endpointRequest(
  endpoint: AnyEndpoint,
  entries: Entries,
  options: { query?: readonly QueryPair[]; contentType?: string | undefined } = {},
): HttpRequest {
  if (endpoint.method === 'GET') {
    return {
      method: 'GET',
      path: `${endpoint.path}${queryString([...queryPairs(entries), ...(options.query ?? [])])}`,
    };
  }
  const contentType = 'contentType' in options ? options.contentType : 'application/json';
  return {
    method: endpoint.method,
    path: `${endpoint.path}${queryString(options.query ?? [])}`,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body: jsonObjectText(entries),
  };
}

/** The example request of an endpoint as entries, with its apiKey replaced. */
export function exampleEntries(endpoint: AnyEndpoint, apiKey: string): [string, unknown][] {
  const example = { ...(endpoint.example.request as Record<string, unknown>) };
  if ('apiKey' in example || fieldsOf(endpoint).includes('apiKey')) example.apiKey = apiKey;
  return Object.entries(example);
}

// ---------------------------------------------------------------- the oracle

/** Content types the suite sends, and whether the mock must read the body as JSON (README: "Bad input"). */
export const CONTENT_TYPES: readonly { value: string | undefined; json: boolean }[] = [
  { value: 'application/json', json: true },
  { value: 'application/json; charset=utf-8', json: true },
  { value: 'APPLICATION/JSON', json: true },
  { value: 'application/json;charset=koi8-r', json: true },
  { value: 'application/vnd.api+json', json: true },
  { value: undefined, json: true },
  { value: 'text/plain', json: false },
  { value: 'application/x-www-form-urlencoded', json: false },
  { value: 'multipart/form-data; boundary=xyz', json: false },
  { value: 'application/xml', json: false },
  { value: 'text/json', json: false },
  { value: '', json: false },
];

export type Format = 'json' | 'xml';

/** README: `_format=xml` (query string, or JSON body for POSTs) asks for XML; anything else is JSON. */
export function formatOf(...sources: unknown[]): Format {
  for (const source of sources) {
    if (typeof source === 'string') return source.toLowerCase() === 'xml' ? 'xml' : 'json';
  }
  return 'json';
}

export interface Outcome {
  /** The entry that answers (another one on the same route when a field selects it). */
  endpoint?: AnyEndpoint;
  /** The format the answer must come in (either, when not given). */
  format?: Format;
  /** The codes the answer may carry. */
  codes: number[];
  /** The HTTP status, when the HTTP layer decides it. */
  status?: number;
  /** An answer without a body (OPTIONS outside a preflight: 204 with Allow). */
  empty?: true;
}

function decodeBody(body: string | Uint8Array | undefined): { text: string; bytes: number } {
  if (body === undefined) return { text: '', bytes: 0 };
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  return { text: buffer.toString('utf8'), bytes: buffer.length };
}

/** Query values that are JSON arrays or objects, parsed, as the mock reads a GET to a body endpoint. */
function withJsonValues(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => {
      if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return [key, value];
      try {
        return [key, JSON.parse(value)];
      } catch {
        return [key, value];
      }
    }),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What the mock must answer to a request on one endpoint's path, from the
 * documented wire rules: a wrong method is a 405; a POST body over the limit a
 * 413; a POST body that is not a JSON object sent as JSON is code 90; then the
 * apiKey comes first (absent or empty: the endpoint's "missing" code, 1;
 * anything but a known key: 10), then a gated account's code where the
 * catalogue lists it; then only the endpoint's own catalogue and 200.
 * Parameters are decoded with the same standard parsers the mock uses
 * (querystring, JSON.parse on UTF-8), so the oracle never guesses.
 */
export function oracle(
  endpoint: AnyEndpoint,
  request: HttpRequest,
  isKnownKey: (apiKey: string) => boolean,
  bodyLimitBytes: number,
): Outcome {
  const queryAt = request.path.indexOf('?');
  const query = parseQuery(queryAt < 0 ? '' : request.path.slice(queryAt + 1)) as Record<string, unknown>;
  const xml = speaksXml(endpoint);
  const queryFormat = xml ? formatOf(query._format) : 'json';
  const transport = (codes: number[], status?: number): Outcome => ({
    format: queryFormat,
    codes,
    ...(status === undefined ? {} : { status }),
  });
  // HEAD would run the GET (a cancel): it is a 405 like any other method. OPTIONS, outside a preflight, is a 204.
  if (request.method === 'OPTIONS') return { codes: [], status: 204, empty: true };
  if (!methodsOf(endpoint).includes(request.method)) return transport([405], 405);

  let params: Record<string, unknown>;
  let format: Format;
  // A GET to an endpoint the docs also show by GET (multi-status) reads the query string, completed by a body if any.
  const fromQuery = request.method === 'GET' && endpoint.method !== 'GET';
  if (request.method === 'GET' && (!fromQuery || decodeBody(request.body).text.trim() === '')) {
    params = fromQuery ? withJsonValues(query) : query;
    format = queryFormat;
  } else {
    const { text, bytes } = decodeBody(request.body);
    if (bytes > bodyLimitBytes) return transport([413], 413);
    const encoding = (request.headers?.['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') {
      // The docs say nothing of Content-Encoding: the mock may refuse the body (90), or read it as it came.
      const { 'content-encoding': _, ...headers } = request.headers ?? {};
      const asIs = oracle(endpoint, { ...request, headers }, isKnownKey, bodyLimitBytes);
      return {
        codes: [...new Set([90, ...asIs.codes])],
        ...(asIs.format === queryFormat ? { format: queryFormat } : {}),
      };
    }
    // README: a JSON object is read whatever the Content-Type; a form-urlencoded body that is not JSON as
    // PHP form fields; anything else is code 90 with HTTP 400 (send.md).
    const type = request.headers?.['content-type'];
    const known = CONTENT_TYPES.find((entry) => entry.value === type);
    if (!known) throw new Error(`the oracle does not know the content type ${type}`);
    const form = type !== undefined && /^application\/x-www-form-urlencoded/i.test(type);
    let parsed: unknown;
    try {
      parsed = form && !/^\s*\{/.test(text) ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (isPlainObject(parsed)) params = parsed;
    else if (form && parsed === undefined) params = parseFormFields(text);
    else return transport([90], 400);
    if (fromQuery) params = { ...withJsonValues(query), ...params };
    format = xml ? formatOf(params._format, query._format) : 'json';
  }

  const answering = answeringEndpoint(endpoint, params);
  const apiKey = params.apiKey;
  const missing = answering.fieldCodes.apiKey?.missing ?? 1;
  const outcome = (codes: number[]): Outcome => ({ endpoint: answering, format, codes });
  if (apiKey === undefined || apiKey === null || apiKey === '') return outcome([missing]);
  if (typeof apiKey !== 'string' || !isKnownKey(apiKey)) return outcome([10]);
  const gate = Object.hasOwn(GATED_ACCOUNTS, apiKey) ? GATED_ACCOUNTS[apiKey]?.code : undefined;
  if (gate !== undefined && gate in answering.codes) return outcome([gate]);
  return outcome(handlerCodes(answering));
}

// ---------------------------------------------------------------- answer checks

export interface Envelope {
  success: boolean;
  code: number;
  /** The JSON body, or the decoded XML entries. */
  body: unknown;
}

const STACK_TRACE = /at .*\.(ts|js):\d+/;

function truncate(text: string, length = 400): string {
  return text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;
}

/** One exchange, readable in a failure message. */
export function describeExchange(answer: HttpAnswer): string {
  const { request } = answer;
  const body =
    request.body === undefined
      ? ''
      : ` body=${truncate(typeof request.body === 'string' ? JSON.stringify(request.body) : `<${request.body.length} bytes>`)}`;
  return `${request.method} ${truncate(request.path, 300)} ${JSON.stringify(request.headers ?? {})}${body} → ${answer.status} ${answer.contentType} ${truncate(JSON.stringify(answer.text))}`;
}

function readJson(answer: HttpAnswer, endpoint: AnyEndpoint | undefined, where: string): Envelope {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(`not JSON: ${where}`);
  }
  expect(isPlainObject(body), `not a JSON object: ${where}`).toBe(true);
  const { success, code } = body as { success: unknown; code: unknown };
  if (success !== false) {
    // A success is what the endpoint's response schema says: some carry no `success` or `code`
    // (Add Bulk Contacts, the group list), Add Group's code is 2.
    expect(endpoint, `a success on no endpoint: ${where}`).toBeDefined();
    const parsed = endpoint?.response.safeParse(body);
    expect(parsed?.error?.issues, `success body breaks the response schema: ${where}`).toBeUndefined();
    expect(success === true || success === undefined, `success is neither true nor absent: ${where}`).toBe(
      true,
    );
    return { success: true, code: typeof code === 'number' ? code : 200, body };
  }
  expect(Number.isInteger(code), `code is not an integer: ${where}`).toBe(true);
  expect(errorEnvelope.safeParse(body).success, `not an error envelope: ${where}`).toBe(true);
  return { success: false, code: code as number, body };
}

function readXml(answer: HttpAnswer, endpoint: AnyEndpoint | undefined, where: string): Envelope {
  let entries: unknown;
  try {
    entries = decodeXml(answer.text);
  } catch (error) {
    throw new Error(`not the <result> XML shape (${(error as Error).message}): ${where}`);
  }
  expect(xmlResult.safeParse(entries).success, `not a list of entries: ${where}`).toBe(true);
  const [success, second, ...rest] = entries as unknown[];
  expect(typeof success, `first entry is not a boolean: ${where}`).toBe('boolean');
  // A success body without a code (targeting) has no code entry: its second entry is the next value.
  const code = codeless(endpoint, success) ? successCode(endpoint) : second;
  expect(Number.isInteger(code), `second entry is not an integer code: ${where}`).toBe(true);
  if (success === true) {
    expect(endpoint, `a success on no endpoint: ${where}`).toBeDefined();
    const json = endpoint ? entriesToJson(endpoint.response, entries as never) : undefined;
    const parsed = endpoint?.response.safeParse(json);
    expect(parsed?.error?.issues, `success XML breaks the response schema: ${where}`).toBeUndefined();
  } else {
    for (const entry of rest)
      expect(
        typeof entry === 'string' || Array.isArray(entry),
        `an error entry is neither a message nor a list: ${where}`,
      ).toBe(true);
  }
  return { success: success as boolean, code: code as number, body: entries };
}

/**
 * The answer is a documented envelope: no 5xx, no stack trace, JSON or the
 * `<result>` XML as asked, `success` true exactly with the endpoint's success
 * code (a failure never carries it, unless its catalogue lists it as a failure
 * too: Add Group's 2) and then the endpoint's response schema, a code from the endpoint's catalogue, the
 * transport codes or 200, and, when an outcome is given, its format, codes and status.
 */
export function expectEnvelope(
  answer: HttpAnswer,
  endpoint: AnyEndpoint | undefined,
  outcome?: Partial<Outcome>,
): Envelope | undefined {
  const where = describeExchange(answer);
  expect(answer.status, `5xx: ${where}`).toBeLessThan(500);
  expect(answer.text, `stack trace: ${where}`).not.toMatch(STACK_TRACE);
  if (outcome?.status !== undefined) expect(answer.status, `HTTP status: ${where}`).toBe(outcome.status);
  if (answer.request.method === 'HEAD') return undefined;
  const xml = /^application\/xml\b/i.test(answer.contentType);
  const json = /^application\/json\b/i.test(answer.contentType);
  expect(xml || json, `neither JSON nor XML: ${where}`).toBe(true);
  if (outcome?.format) expect(xml ? 'xml' : 'json', `format: ${where}`).toBe(outcome.format);
  const envelope = xml ? readXml(answer, endpoint, where) : readJson(answer, endpoint, where);
  if (envelope.success) {
    expect(envelope.code, `a success without its success code: ${where}`).toBe(successCode(endpoint));
  } else {
    // The success code is no failure's, unless the catalogue also lists it as one: Add Group's
    // success carries 2, its missing key is 2 too, told apart by `success` (documented).
    const alsoAFailure = endpoint !== undefined && Object.hasOwn(endpoint.codes, envelope.code);
    const successOnly = [200, ...(alsoAFailure ? [] : [successCode(endpoint)])];
    expect(successOnly, `a success code without success: ${where}`).not.toContain(envelope.code);
  }
  expect(allowedCodes(endpoint), `code outside the catalogue: ${where}`).toContain(envelope.code);
  if (outcome?.codes) expect(outcome.codes, `unexpected code: ${where}`).toContain(envelope.code);
  if (!envelope.success && answer.status !== 200 && outcome?.status === undefined) {
    // Only the HTTP layer's own answers (400 for code 90, 404, 405, 413), and codes whose catalogue
    // entry documents a status (429 over a rate limit), carry a status of their own.
    const documented = (endpoint?.codes as Record<number, { httpStatus?: number }> | undefined)?.[
      envelope.code
    ]?.httpStatus;
    const expected = documented !== undefined ? [documented] : envelope.code === 90 ? [400] : [404, 405, 413];
    expect(expected, `status of an error answer: ${where}`).toContain(answer.status);
  }
  return envelope;
}

// ---------------------------------------------------------------- hostile input

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83Db', '\uDE00\uD83D', 'x\uD800'];

/** Strings that have broken parsers before: unicode edge cases, markup, escapes, numbers in disguise. */
export const SPECIAL_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  ...LONE_SURROGATES,
  '\u202Eevil\u202C',
  '\u200F\u200E',
  'مرحبا بالعالم',
  'שלום עולם',
  '😀',
  '👩‍👩‍👧‍👦',
  '🇫🇷',
  'e\u0301',
  '\uFEFF',
  '\uFFFF',
  '\r\n',
  '\t',
  '<![CDATA[',
  ']]>',
  '</entry></result>',
  '<result><entry>true</entry></result>',
  '&amp;',
  '&#0;',
  '%',
  '%00',
  '%zz',
  '\\',
  '"',
  "'",
  '$'.concat('{x}'),
  '{{x}}',
  ':br:',
  ':euro:',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  ' 300 ',
  '300abc',
  '0612345678',
  '+33612345678',
  '06 12 34 56 78',
  '0612345678,',
  ',,,',
  '31/12/9999',
  '29/02/2031',
  '15/01/2030',
];

let hugeStrings: string[] | undefined;
/** Built once: big, but under the 1 MiB body limit once JSON-encoded. */
function huge(): string[] {
  hugeStrings ??= [
    'x'.repeat(100_000),
    '😀'.repeat(20_000),
    'é'.repeat(50_000),
    'a'.repeat(161),
    'a'.repeat(1531),
    '\uD800'.repeat(10_000),
    'ש'.repeat(5_000),
  ];
  return hugeStrings;
}

export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...SPECIAL_STRINGS, 'a', '1', ' ', ','), { maxLength: 6 })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }).map((index) => huge()[index] as string) },
);

export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    2 ** 53 + 2,
    1e21,
    1e308,
    5e-324,
    300,
    1000,
  ),
);

/** Names worth sending as keys: prototype keys and look-alikes of real fields. */
export const SPECIAL_NAMES: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  'apikey',
  'APIKEY',
  'api_key',
  ' apiKey',
  '_format',
];

/**
 * Undocumented field names the mock can report in its `X-Mock-Unknown-Params`
 * header as they are: printable ASCII (others are percent-encoded there; see
 * the regression tests).
 */
export const headerSafeName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SPECIAL_NAMES),
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    maxLength: 12,
  }),
);

/** Names that cannot travel in an HTTP header as they are: control characters, non-Latin-1 characters. */
export const headerUnsafeName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('😀', 'a\nb', 'a\rb', '\u0000', 'ключ', '\u202E', '\u0100', 'x\u001fy', '\uD800', '名前'),
  fc
    .tuple(headerSafeName, fc.constantFrom('😀', '\n', '\u0000', 'ж', '\u2028'), headerSafeName)
    .map(([a, b, c]) => `${a}${b}${c}`),
);

const objectKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'a'),
  fc.string({ maxLength: 5 }),
);

/** Any JSON-able value: scalars of every type, nested arrays and objects (with prototype keys). */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: anyString },
    { weight: 3, arbitrary: anyNumber },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(objectKey, tie('value'), { maxKeys: 3 }) },
  ),
})).value;

/** A field name for an endpoint: mostly its own, sometimes another endpoint's, a prototype key or any printable name. */
export function fieldName(endpoint: AnyEndpoint): fc.Arbitrary<string> {
  const fields = fieldsOf(endpoint);
  const elsewhere = [...new Set(registry.flatMap(([, other]) => fieldsOf(other)))].filter(
    (field) => !fields.includes(field),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(fields.length > 0 ? fields : ['apiKey'])) },
    { weight: 1, arbitrary: fc.constantFrom(...(elsewhere.length > 0 ? elsewhere : SPECIAL_NAMES)) },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_NAMES) },
    { weight: 1, arbitrary: headerSafeName },
  );
}

/** The apiKey entry of a request: mostly the funded fuzzing key, sometimes absent, empty, unknown or of a wrong type. */
export const apiKeyEntry: fc.Arbitrary<[string, unknown][]> = fc.oneof(
  { weight: 8, arbitrary: fc.constant([['apiKey', FUZZ_KEY]] as [string, unknown][]) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...Object.keys(GATED_ACCOUNTS), ...Object.keys(OTHER_ACCOUNTS))
      .map((apiKey) => [['apiKey', apiKey]] as [string, unknown][]),
  },
  { weight: 1, arbitrary: fc.constant([] as [string, unknown][]) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.constantFrom('', null, 'test-funded-key '), anyValue)
      .map((value) => [['apiKey', value]] as [string, unknown][]),
  },
  {
    weight: 1,
    arbitrary: fc.constant([
      ['apiKey', FUZZ_KEY],
      ['apiKey', FUZZ_KEY],
    ] as [string, unknown][]),
  },
);

/** The `_format` asks a test may add, in every spelling. */
export const formatAsk: fc.Arbitrary<unknown> = fc.constantFrom(
  undefined,
  'xml',
  'XML',
  'Xml',
  'json',
  'yaml',
  '',
  ['xml', 'json'],
);

/** A value as text, whatever it is (fast-check's objects have no prototype, so no toString). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

/** Small changes to a value of a valid request, named so a counterexample reads well. */
export const TWEAKS: Readonly<Record<string, (value: unknown) => unknown>> = {
  asString: (value) => text(value),
  asNumber: (value) => Number(text(value)),
  padded: (value) => ` ${text(value)} `,
  upper: (value) => text(value).toUpperCase(),
  repeated: (value) => text(value).repeat(500).slice(0, 200_000),
  empty: () => '',
  null: () => null,
  inArray: (value) => [value],
  inObject: (value) => ({ value }),
  negated: (value) => (typeof value === 'number' ? -value : `-${text(value)}`),
  plusOne: (value) => (typeof value === 'number' ? value + 1 : `${text(value)}1`),
  half: (value) => (typeof value === 'number' ? value + 0.5 : `${text(value)}.5`),
  huge: () => 1e21,
  emoji: (value) => `${text(value)}😀`,
  nul: (value) => `${text(value)}\u0000`,
  loneSurrogate: (value) => `${text(value)}\uD800`,
  rtl: (value) => `\u202E${text(value)}`,
  boolean: () => true,
};

export type Mutation =
  | { kind: 'drop'; field: string }
  | { kind: 'set'; field: string; value: unknown }
  | { kind: 'tweak'; field: string; tweak: string }
  | { kind: 'repeat'; field: string; value: unknown };

/** Mutations of an endpoint's example: drop, replace, tweak or repeat a field, or add another one. */
export function mutation(endpoint: AnyEndpoint): fc.Arbitrary<Mutation> {
  const example = Object.keys(endpoint.example.request as object);
  const exampleField = fc.constantFrom(...(example.length > 0 ? example : ['apiKey']));
  return fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), field: exampleField }),
    fc.record({ kind: fc.constant('set' as const), field: fieldName(endpoint), value: anyValue }),
    fc.record({
      kind: fc.constant('tweak' as const),
      field: exampleField,
      tweak: fc.constantFrom(...Object.keys(TWEAKS)),
    }),
    fc.record({ kind: fc.constant('repeat' as const), field: exampleField, value: anyValue }),
  );
}

export function applyMutations(
  entries: readonly [string, unknown][],
  mutations: readonly Mutation[],
): Entries {
  let out: [string, unknown][] = entries.map(([name, value]) => [name, value]);
  for (const change of mutations) {
    if (change.kind === 'drop') out = out.filter(([name]) => name !== change.field);
    else if (change.kind === 'set')
      out = [...out.filter(([name]) => name !== change.field), [change.field, change.value]];
    else if (change.kind === 'repeat') out = [...out, [change.field, change.value]];
    else {
      const tweak = TWEAKS[change.tweak];
      out = out.map(([name, value]) => [name, name === change.field && tweak ? tweak(value) : value]);
    }
  }
  return out;
}

/** Body texts that are never a JSON object: truncations, other JSON values, near-JSON, junk. */
export function brokenBody(endpoint: AnyEndpoint): fc.Arbitrary<string | Uint8Array> {
  const valid = jsonObjectText(exampleEntries(endpoint, FUZZ_KEY));
  const notAnObject = (text: string) => {
    try {
      return !isPlainObject(JSON.parse(text));
    } catch {
      return true;
    }
  };
  return fc.oneof(
    fc.nat({ max: valid.length - 1 }).map((length) => valid.slice(0, length)),
    fc.constantFrom(
      '',
      '[1,2]',
      '[]',
      'null',
      'true',
      '42',
      '"text"',
      '{"apiKey":',
      '{,}',
      "{'apiKey':'x'}",
      `${valid}}`,
      `${valid},`,
      'NaN',
      `\uFEFF${valid}`,
      `[${valid}]`,
      '['.repeat(50_000),
      '{"a":'.repeat(20_000),
      `${valid.slice(0, -1)},"x":01}`,
      'apiKey=x&message=y',
      '<result><entry>true</entry></result>',
    ),
    anyString.filter(notAnObject),
    fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .map((bytes) => Uint8Array.from([0xff, ...bytes]))
      .filter((bytes) => notAnObject(Buffer.from(bytes).toString('utf8'))),
  );
}

/** A body of more than `limit` bytes that would otherwise be a valid request. */
export function oversizedBody(endpoint: AnyEndpoint, limit: number): string {
  const entries = exampleEntries(endpoint, FUZZ_KEY);
  return jsonObjectText([...entries, ['padding', 'x'.repeat(limit + 1)]]);
}

/** The methods a route may be called with by mistake (all known to Node's HTTP parser). */
export const METHODS: readonly string[] = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PROPFIND',
];

/**
 * Sends a request to an endpoint's route and checks the answer against the
 * oracle; a failure must leave every fuzzing account exactly as it was.
 */
export async function exchange(
  handle: MockHandle,
  endpoint: AnyEndpoint,
  request: HttpRequest,
): Promise<Envelope | undefined> {
  const outcome = oracle(
    endpoint,
    request,
    (apiKey) => handle.store.account(apiKey) !== undefined,
    handle.mock.config.bodyLimitBytes,
  );
  const answering = outcome.endpoint ?? endpoint;
  const before = fuzzAccountsSnapshot(handle.store);
  const answer = await http(handle.url, request);
  if (outcome.empty) {
    expect(answer.status, describeExchange(answer)).toBe(outcome.status);
    expect(answer.text, describeExchange(answer)).toBe('');
    expect(answer.headers.allow, describeExchange(answer)).toBe(allowOf(endpoint));
    expect(
      fuzzAccountsSnapshot(handle.store),
      `OPTIONS changed an account: ${describeExchange(answer)}`,
    ).toBe(before);
    return undefined;
  }
  const envelope = expectEnvelope(answer, answering, outcome);
  if (outcome.status === 405) {
    expect(answer.headers.allow, describeExchange(answer)).toBe(allowOf(endpoint));
  }
  if (envelope && !envelope.success) {
    expect(
      fuzzAccountsSnapshot(handle.store),
      `a failure changed an account: ${describeExchange(answer)}`,
    ).toBe(before);
  }
  expect(handle.store.account(FUZZ_KEY)?.credits ?? 0).toBeGreaterThanOrEqual(0);
  return envelope;
}

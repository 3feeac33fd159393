import { type AnyEndpoint, endpoints, type XmlOptions } from '@smspartner-kit/schema';
import type { Outcome, WireBody } from '../core/define-handler.js';
import type { Account } from '../state/accounts.js';
import type { Store } from '../state/store.js';
import { httpStatusFor, type ResponseFormat, serialise } from './format.js';
import { unknownParamsHeaders, WARNING_HEADER, warningHeader } from './headers.js';
import { nearestRoute } from './not-found.js';
import type { SecretScrubber } from './secrets.js';

/**
 * What an API answer is before it goes out, whatever carries it (the Express
 * app, the MSW handlers): these functions hold no Node and no Express, so the
 * two adapters answer byte for byte the same.
 */
export interface Answer {
  body: WireBody;
  format: ResponseFormat;
  /** How the endpoint's XML differs from its JSON (the registry entry's `xmlNamedKeys` and `xmlOmit`). */
  xml?: XmlOptions | undefined;
  /**
   * The HTTP layer's own status (400, 403, 404, 405, 413), or one the
   * endpoint's catalogue documents for the code (429); other envelope answers
   * get theirs from the config.
   */
  status?: number | undefined;
  /** API keys this answer may show (the handler disclosed them); every other key is scrubbed. */
  disclosed?: readonly string[] | undefined;
  headers?: Record<string, string>;
  /** For the journal. */
  endpoint?: string | undefined;
  account?: Account | undefined;
  unknownFields?: readonly string[];
  warnings?: readonly string[];
  /** An injected bare status: the status alone, an empty body. */
  bare?: boolean;
}

/** An answer ready for the wire: no key left in its text. */
export interface Rendered {
  status: number;
  headers: Record<string, string>;
  /** Absent for a bare status (an empty body). */
  contentType: string | undefined;
  text: string | undefined;
}

export const NONE: readonly string[] = [];

/** Status, headers and scrubbed text of an answer. */
export function render(answer: Answer, errorHttpStatus: number, scrub: SecretScrubber): Rendered {
  const status = httpStatusFor(answer.body, errorHttpStatus, answer.status);
  let headers = answer.headers ?? {};
  if (answer.warnings && answer.warnings.length > 0) {
    headers = { ...headers, [WARNING_HEADER]: warningHeader(answer.warnings.join('; ')) };
  }
  if (answer.bare) return { status, headers, contentType: undefined, text: undefined };
  const serialised = serialise(answer.body, answer.format, answer.xml);
  const allowed = answer.disclosed && answer.disclosed.length > 0 ? new Set(answer.disclosed) : undefined;
  return {
    status,
    headers,
    contentType: serialised.contentType,
    text: scrub.text(serialised.text, allowed),
  };
}

/** Records an answered (or dropped: status 0) request in the store's journal. */
export function journalAnswer(
  store: Store,
  request: { method: string; url: string; started: number | undefined },
  answer: Pick<Answer, 'body' | 'bare' | 'endpoint' | 'account' | 'unknownFields' | 'warnings'>,
  status: number,
): void {
  const unknownFields = answer.unknownFields ?? NONE;
  store.journal.record({
    at: store.clock.now(),
    method: request.method,
    url: request.url,
    endpoint: answer.endpoint,
    status,
    code: status !== 0 && !answer.bare && typeof answer.body.code === 'number' ? answer.body.code : undefined,
    unknownFields,
    unknownCount: unknownFields.length,
    warnings: answer.warnings ?? NONE,
    durationMs:
      request.started === undefined ? 0 : Math.round((performance.now() - request.started) * 1000) / 1000,
    account: answer.account,
  });
}

/** What the adapter does with a pipeline outcome: the answer, and whether to delay it or drop the connection. */
export interface Delivery {
  answer: Answer;
  /** Close the connection without answering (an injected fault). */
  drop: boolean;
  /** Hold the answer back this long first (an injected fault). */
  latencyMs: number | undefined;
}

/** Turns a pipeline outcome into what goes out, injected faults applied. */
export function deliveryOf(
  outcome: Outcome,
  format: ResponseFormat,
  warnings: readonly string[],
  account: Account | undefined,
  scrub: SecretScrubber,
): Delivery {
  const { fault } = outcome;
  const bare = fault?.httpStatus !== undefined;
  const answer: Answer = {
    body: outcome.body,
    format,
    headers: bare
      ? fault?.retryAfterSeconds === undefined
        ? {}
        : { 'Retry-After': String(fault.retryAfterSeconds) }
      : outcome.retryAfterSeconds === undefined
        ? unknownParamsHeaders(outcome.unknownFields, scrub)
        : {
            ...unknownParamsHeaders(outcome.unknownFields, scrub),
            'Retry-After': String(outcome.retryAfterSeconds),
          },
    xml: { namedKeys: outcome.endpoint.xmlNamedKeys, omit: outcome.endpoint.xmlOmit },
    endpoint: outcome.endpoint.name,
    account,
    unknownFields: outcome.unknownFields,
    warnings,
    disclosed: outcome.disclosed,
    // A status the catalogue documents for this code (429), else the configured one.
    ...(bare ? { bare, status: fault?.httpStatus } : { status: outcome.httpStatus }),
  };
  return { answer, drop: fault?.drop === true, latencyMs: fault?.latencyMs || undefined };
}

/** A body over the config's limit: HTTP 413, code 413. */
export function tooLargeAnswer(limit: number, format: ResponseFormat, endpoint: string): Answer {
  return {
    body: { success: false, code: 413, message: `Request body too large (limit ${limit} bytes)` },
    format,
    status: 413,
    endpoint,
  };
}

/** Documented (send.md §0): a body the API cannot read as JSON gets HTTP 400, code 90 in the body. */
export function malformedAnswer(message: string, format: ResponseFormat, endpoint: string): Answer {
  return { body: { success: false, code: 90, message }, format, status: 400, endpoint };
}

/** A method the endpoint does not answer on: HTTP 405, code 405, naming the ones it does. */
export function notAllowedAnswer(
  method: string,
  path: string,
  methods: readonly string[],
  format: ResponseFormat,
  endpoint: string,
): Answer {
  return {
    body: {
      success: false,
      code: 405,
      message: `${method} is not allowed on ${path}: use ${methods.join(' or ')}`,
    },
    format,
    status: 405,
    endpoint,
  };
}

/** Every documented route, for the 404 answer (an entry selected on another's route is not one of its own). */
export const DOCUMENTED_ROUTES = (Object.values(endpoints) as AnyEndpoint[])
  .filter((endpoint) => endpoint.selectedBy === undefined)
  .map((endpoint) => ({
    route: `${endpoint.method} ${endpoint.path}`,
    path: endpoint.path,
  }));

/** A path no endpoint has: HTTP 404, code 404, the nearest route and the list of them. */
export function unknownEndpointAnswer(
  method: string,
  path: string,
  format: ResponseFormat,
  scrub: SecretScrubber,
): Answer {
  const nearest = nearestRoute(path.slice(0, 200), DOCUMENTED_ROUTES);
  return {
    body: {
      success: false,
      code: 404,
      message: `Unknown endpoint ${method} ${scrub.url(path)}${nearest ? `. Did you mean ${nearest.route}?` : ''}`,
      endpoints: DOCUMENTED_ROUTES.map((entry) => entry.route),
    },
    format,
    status: 404,
  };
}

/** The methods and paths one registry entry answers on (its own, and those the docs also give it). */
export function routesOf(endpoint: AnyEndpoint): { methods: string[]; paths: string[] } {
  return {
    methods: [endpoint.method, ...(endpoint.alsoAnswers?.methods ?? [])],
    paths: [endpoint.path, ...(endpoint.alsoAnswers?.paths ?? [])],
  };
}

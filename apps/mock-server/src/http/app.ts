import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQueryString } from 'node:querystring';
import { type AnyEndpoint, DEFAULT_PRICE_TABLE, endpoints } from '@smspartner-kit/schema';
import express, { type NextFunction, type Request, type Response } from 'express';
import { defaultConfigInput, type MockConfig, type MockConfigInput, parseConfig } from '../core/config.js';
import type { RequestEnvironment } from '../core/define-handler.js';
import { dispatch } from '../core/dispatch.js';
import { applySeed, type SeedDocument } from '../state/seed.js';
import { createStore, type Store } from '../state/store.js';
import { adminGuard, adminRouter } from './admin.js';
import { parseBody, readBody, withJsonValues } from './body.js';
import { type CorsPolicy, corsMiddleware } from './cors.js';
import { formatOf as askedFormat, endpointFormat, type ResponseFormat } from './format.js';
import { type HostPolicy, hostAllowed } from './hosts.js';
import { serveInboxAsset } from './inbox.js';
import {
  type Answer,
  deliveryOf,
  journalAnswer,
  malformedAnswer,
  NONE,
  notAllowedAnswer,
  render,
  routesOf,
  tooLargeAnswer,
  unknownEndpointAnswer,
} from './render.js';
import { createSecretScrubber, type SecretScrubber } from './secrets.js';
import { createWebhookSender } from './webhook-sender.js';

export interface AppOptions {
  /** The config (defaults: the built-in one). */
  config?: MockConfigInput | MockConfig;
  /** Inject a store to drive state from a test; by default one is built from the config. */
  store?: Store;
  /** Allowed browser origins (default: any loopback origin). */
  cors?: CorsPolicy;
  /**
   * `Host` names served (default: loopback names only, against DNS rebinding;
   * `startMockServer` on a non-loopback address defaults to `any`).
   */
  allowedHosts?: HostPolicy;
  /** When set, the admin API requires it (`Authorization: Bearer <token>`). */
  adminToken?: string;
  /** Receives one line per request, with every apiKey redacted. Silent by default. */
  log?: (line: string) => void;
  /**
   * A seed document (see `POST /__mock/seed`), applied once the store exists
   * and again after every full reset: the state the mock starts from. Its
   * prices go into the config, so every account is built with them.
   */
  seed?: SeedDocument;
  /**
   * Check every success body against its endpoint's response schema and fail
   * (HTTP 500) when one does not fit: for tests, so that a handler drifting
   * from the registry is caught even where no contract covers it. Off by default.
   */
  checkResponses?: boolean;
}

export interface MockApp {
  /**
   * The mock as a Node request listener: serve it with `http.createServer(mock.app)`,
   * or mount it in a server of yours (`app.use(mock.app)` in Express or Connect).
   * Express is how it is built, not part of its public types.
   */
  app: RequestListener;
  store: Store;
  config: MockConfig;
}

/** When the request came in (performance.now()), for the journal's timings. */
const STARTED = Symbol('started');
type Timed = IncomingMessage & { originalUrl?: string; [STARTED]?: number };

type Reply = (req: Timed, res: ServerResponse, answer: Answer) => void;

/**
 * Writes answers directly (Express's `res.send` costs more than the answer),
 * scrubbed of every key, then journals and logs them.
 */
function replier(config: MockConfig, store: Store, scrub: SecretScrubber, log: AppOptions['log']): Reply {
  return (req, res, answer) => {
    const rendered = render(answer, config.errorHttpStatus, scrub);
    for (const [name, value] of Object.entries(rendered.headers)) res.setHeader(name, value);
    res.statusCode = rendered.status;
    if (rendered.text === undefined) {
      res.setHeader('Content-Length', 0);
      res.end();
    } else {
      res.setHeader('Content-Type', rendered.contentType as string);
      res.setHeader('Content-Length', Buffer.byteLength(rendered.text));
      res.end(rendered.text);
    }
    const url = req.originalUrl ?? req.url ?? '';
    journalAnswer(store, { method: req.method ?? '', url, started: req[STARTED] }, answer, rendered.status);
    store.changes.notify();
    log?.(
      `${req.method} ${scrub.url(url)} -> ${rendered.status} code=${answer.bare ? '-' : answer.body.code}`,
    );
  };
}

function asParams(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Mounts one registry entry: its method and path (and the others the docs
 * give it), parameters from the query string of a GET or the body of a POST
 * or DELETE, answered by the pipeline. HEAD and any other method get 405
 * (HEAD would run the GET: a cancel must not happen on a HEAD); OPTIONS that
 * is not a preflight answers 204 with `Allow`. An endpoint whose page
 * documents no `_format` (its request schema has none: the contact family,
 * sub-account removal) answers JSON whatever is asked.
 */
function mountEndpoint(
  table: RouteTable,
  endpoint: AnyEndpoint,
  env: RequestEnvironment,
  reply: Reply,
  scrub: SecretScrubber,
): void {
  const { methods, paths } = routesOf(endpoint);
  const allow = `${methods.join(', ')}, OPTIONS`;
  const formatOf = endpointFormat(endpoint);
  const answer = (
    req: Timed,
    res: ServerResponse,
    params: Record<string, unknown>,
    format: ResponseFormat,
    warnings: readonly string[] = NONE,
  ) => {
    const outcome = dispatch(endpoint.name, params, { ...env, ip: req.socket.remoteAddress });
    const apiKey = params.apiKey;
    const account = typeof apiKey === 'string' ? env.store.account(apiKey) : undefined;
    const delivery = deliveryOf(outcome, format, warnings, account, scrub);
    const deliver = () => {
      if (!delivery.drop) return reply(req, res, delivery.answer);
      // An injected dropped connection: no answer at all; the journal records status 0.
      res.socket?.destroy();
      journalAnswer(
        env.store,
        { method: req.method ?? '', url: req.originalUrl ?? req.url ?? '', started: req[STARTED] },
        delivery.answer,
        0,
      );
    };
    // An injected delay holds the answer back (the request was processed already); unref'd, so it never keeps a closing process alive.
    if (delivery.latencyMs) setTimeout(deliver, delivery.latencyMs).unref();
    else deliver();
  };

  /**
   * A POST or DELETE endpoint: parameters from the body. `fromQuery` is set
   * when the endpoint is reached by GET (the docs show multi-status both
   * ways): the query string's parameters, which a body, if any, completes.
   */
  const bodyRoute = async (
    req: Timed,
    res: ServerResponse,
    query: Query,
    fromQuery?: Record<string, unknown>,
  ) => {
    const queryFormat = formatOf(query._format);
    const read = await readBody(req, env.config.bodyLimitBytes);
    if (!read.ok) {
      if (read.reason === 'aborted') return;
      res.setHeader('Connection', 'close');
      return reply(req, res, tooLargeAnswer(env.config.bodyLimitBytes, queryFormat, endpoint.name));
    }
    if (fromQuery && read.text.trim() === '') return answer(req, res, fromQuery, queryFormat);
    const parsed = parseBody(read.text, req.headers['content-type'], env.config.strictParams);
    if (!parsed.ok) return reply(req, res, malformedAnswer(parsed.message, queryFormat, endpoint.name));
    const params = fromQuery ? { ...fromQuery, ...parsed.params } : parsed.params;
    answer(req, res, params, formatOf(params._format, query._format), parsed.warnings);
  };
  const getRoute = (req: Timed, res: ServerResponse, query: Query) => {
    const params = asParams(query);
    if (endpoint.method !== 'GET') return void bodyRoute(req, res, query, withJsonValues(params));
    answer(req, res, params, formatOf(params._format));
  };
  for (const path of paths) {
    const other = (req: Timed, res: ServerResponse, query: Query) => {
      res.setHeader('Allow', allow);
      if (req.method === 'OPTIONS') {
        res.statusCode = 204;
        res.end();
        return;
      }
      reply(
        req,
        res,
        notAllowedAnswer(req.method ?? '', path, methods, formatOf(query._format), endpoint.name),
      );
    };
    // HEAD is not GET here: it would run the handler (a cancel) for an answer nobody reads.
    table.set(routeKey(path), (req, res, query) => {
      if (req.method === 'GET' && methods.includes('GET')) return getRoute(req, res, query);
      if ((req.method === 'POST' || req.method === 'DELETE') && methods.includes(req.method))
        return void bodyRoute(req, res, query);
      other(req, res, query);
    });
  }
}

/** Paths match as Express's default router matched them: any case, one trailing slash ignored. */
function routeKey(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/** A request's query string, parsed as Express's `simple` query parser does (`node:querystring`). */
type Query = Record<string, unknown>;

/** One request handler per documented path, found in one Map lookup whatever the registry's size. */
type RouteTable = Map<string, (req: Timed, res: ServerResponse, query: Query) => void>;

/**
 * The path and query of a request line in origin form, split as Express splits
 * it (`parseurl`'s fast path): undefined for anything else (an absolute URL, a
 * fragment, white space), which Express then parses itself.
 */
function splitUrl(url: string): { path: string; query: string | undefined } | undefined {
  if (url.charCodeAt(0) !== 0x2f) return undefined;
  let question = -1;
  for (let index = 1; index < url.length; index++) {
    const char = url.charCodeAt(index);
    if (char === 0x3f) {
      if (question === -1) question = index;
    } else if (
      char === 0x09 ||
      char === 0x0a ||
      char === 0x0c ||
      char === 0x0d ||
      char === 0x20 ||
      char === 0x23 ||
      char === 0xa0 ||
      char === 0xfeff
    ) {
      return undefined;
    }
  }
  return question === -1
    ? { path: url, query: undefined }
    : { path: url.slice(0, question), query: url.slice(question + 1) };
}

/**
 * Builds the mock's Express app: the SMS Partner routes, mounted from the
 * endpoint registry onto the handler pipeline; the admin API under /__mock;
 * CORS; and an HTTP layer that turns every bad input into a documented
 * answer. Express lives in `http/` only: handlers never see it.
 */
export function createApp(options: AppOptions = {}): MockApp {
  const parsed = parseConfig(options.config ?? defaultConfigInput);
  const { seed } = options;
  const pricesApplied = seed?.prices !== undefined && options.store === undefined;
  const config = pricesApplied
    ? { ...parsed, prices: { ...(parsed.prices ?? DEFAULT_PRICE_TABLE), ...seed?.prices } }
    : parsed;
  const store = options.store ?? createStore(config);
  if (seed) {
    applySeed(store, seed, { pricesApplied });
    store.onReset(() => applySeed(store, seed, { pricesApplied }));
  }
  const env: RequestEnvironment = { store, config, checkResponses: options.checkResponses === true };
  const scrub = createSecretScrubber(store);
  const reply = replier(config, store, scrub, options.log);
  // Webhooks leave through the HTTP layer, scrubbed of every key the store serves.
  if (!store.webhooks.hasSender)
    store.webhooks.attach(createWebhookSender(scrub, config.webhooks.concurrency, () => store.keysVersion));
  const hosts = options.allowedHosts ?? 'loopback';
  const cors = options.cors ?? 'loopback';
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  const forbiddenHost: Answer = {
    body: {
      success: false,
      code: 403,
      message: 'This mock only answers requests addressed to its own host name (see --allowed-hosts)',
    },
    format: 'json',
    status: 403,
  };
  app.use((req: Timed, res: ServerResponse, next: () => void) => {
    req[STARTED] = performance.now();
    if (hostAllowed(hosts, req.headers.host)) return next();
    reply(req, res, forbiddenHost);
  });
  const withCors = corsMiddleware(cors, scrub);
  app.use(withCors);
  const admin = { cors, adminToken: options.adminToken, scrub, config };
  app.use('/__mock', adminRouter(store, admin));
  // The inbox: a page of the admin API, behind the same guard.
  app.get('/', adminGuard(admin), serveInboxAsset('index.html'));
  // An entry selected by a field of its own (`selectedBy`) is reached through its route's owner.
  const table: RouteTable = new Map();
  for (const endpoint of Object.values(endpoints) as AnyEndpoint[])
    if (endpoint.selectedBy === undefined) mountEndpoint(table, endpoint, env, reply, scrub);
  // One middleware for every API route: Express's router would try each of the ~90 layers in turn.
  app.use((req, res, next) => {
    const route = table.get(routeKey(req.path));
    if (route) route(req, res, req.query);
    else next();
  });

  app.use((req, res) => {
    reply(req, res, unknownEndpointAnswer(req.method, req.path, askedFormat(req.query._format), scrub));
  });

  /** Anything unforeseen: a clean answer, no stack, and a log line. */
  const internalError = (error: unknown, req: Timed, res: ServerResponse) => {
    options.log?.(
      `${req.method} ${scrub.url(req.originalUrl ?? req.url ?? '')} -> internal error: ${(error as Error)?.name ?? 'unknown'}`,
    );
    if (res.headersSent) return;
    const text = JSON.stringify({ success: false, code: 500, message: 'Internal mock error' });
    res.statusCode = 500;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
  };
  // Errors from the admin API's JSON parser, and anything unforeseen.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (req.path.startsWith('/__mock') && type?.startsWith('entity.')) {
      if (type === 'entity.too.large') return res.status(413).json({ error: 'Request body too large' });
      return res
        .status(400)
        .json({ error: type === 'entity.parse.failed' ? 'Malformed JSON' : 'Bad request' });
    }
    internalError(error, req, res);
  });

  /**
   * The request listener: an API route whose URL Express would split the same
   * way is answered here, through the same host check, CORS and route table,
   * without Express's per-request work (the hot path of every SMS Partner
   * call); everything else (the admin API, the inbox, unknown paths, unusual
   * request lines) goes to the Express app.
   */
  const listener: RequestListener = (req: Timed, res) => {
    const split = splitUrl(req.url ?? '');
    const route = split && table.get(routeKey(split.path));
    if (!split || !route) return app(req, res);
    req[STARTED] = performance.now();
    if (!hostAllowed(hosts, req.headers.host)) return reply(req, res, forbiddenHost);
    withCors(req, res, () => {
      try {
        route(req, res, split.query === undefined ? {} : parseQueryString(split.query));
      } catch (error) {
        internalError(error, req, res);
      }
    });
  };

  return { app: listener, store, config };
}

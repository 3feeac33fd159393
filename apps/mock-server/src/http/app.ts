import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AnyEndpoint, endpoints, REDACTED } from '@smspartner-kit/schema';
import express, { type NextFunction, type Request, type Response } from 'express';
import { defaultConfigInput, type MockConfig, type MockConfigInput, parseConfig } from '../core/config.js';
import type { RequestEnvironment, WireBody } from '../core/define-handler.js';
import { dispatch } from '../core/dispatch.js';
import { createStore, type Store } from '../state/store.js';
import { adminRouter } from './admin.js';
import { parseJsonBody, readBody } from './body.js';
import { type CorsPolicy, corsMiddleware } from './cors.js';
import { formatOf, httpStatusFor, type ResponseFormat, serialise } from './format.js';
import { redactUrl } from './log.js';
import { nearestRoute } from './not-found.js';

export interface AppOptions {
  /** The config (defaults: the built-in one). */
  config?: MockConfigInput | MockConfig;
  /** Inject a store to drive state from a test; by default one is built from the config. */
  store?: Store;
  /** Allowed browser origins (default: any loopback origin). */
  cors?: CorsPolicy;
  /** Receives one line per request, with every apiKey redacted. Silent by default. */
  log?: (line: string) => void;
  /**
   * Check every success body against its endpoint's response schema and fail
   * (HTTP 500) when one does not fit: for tests, so that a handler drifting
   * from the registry is caught even where no contract covers it. Off by default.
   */
  checkResponses?: boolean;
}

export interface MockApp {
  app: express.Express;
  store: Store;
  config: MockConfig;
}

const UNKNOWN_PARAMS_HEADER = 'X-Mock-Unknown-Params';

/** One answer of the API's routes, as {@link createApp}'s writer takes it. */
interface Answer {
  body: WireBody;
  format: ResponseFormat;
  namedKeys?: readonly string[] | undefined;
  /** The HTTP layer's own status (404, 405, 413); envelope answers get theirs from the config. */
  status?: number;
  headers?: Record<string, string>;
}

type Reply = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, answer: Answer) => void;

/** Writes answers directly (Express's `res.send` costs more than the answer) and logs one line each. */
function replier(config: MockConfig, log: AppOptions['log']): Reply {
  return (req, res, answer) => {
    const status = httpStatusFor(answer.body, config.errorHttpStatus, answer.status);
    const { contentType, text } = serialise(answer.body, answer.format, answer.namedKeys);
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    res.statusCode = status;
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
    log?.(
      `${req.method} ${redactUrl(req.originalUrl ?? req.url ?? '', REDACTED)} -> ${status} code=${answer.body.code}`,
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
 * give it), parameters from the query string of a GET or the JSON body of a
 * POST or DELETE, answered by the pipeline; any other method gets 405.
 */
function mountEndpoint(
  app: express.Express,
  endpoint: AnyEndpoint,
  env: RequestEnvironment,
  reply: Reply,
): void {
  const methods = [endpoint.method, ...(endpoint.alsoAnswers?.methods ?? [])] as string[];
  const paths = [endpoint.path, ...(endpoint.alsoAnswers?.paths ?? [])] as string[];
  const answer = (req: Request, res: Response, params: Record<string, unknown>, format: ResponseFormat) => {
    const outcome = dispatch(endpoint.name, params, { ...env, ip: req.socket.remoteAddress });
    // Names are percent-encoded: a header cannot carry every character a JSON key can.
    const headers: Record<string, string> =
      outcome.unknownFields.length > 0
        ? { [UNKNOWN_PARAMS_HEADER]: outcome.unknownFields.map(encodeURIComponent).join(',') }
        : {};
    reply(req, res, { body: outcome.body, format, headers, namedKeys: outcome.endpoint.xmlNamedKeys });
  };

  for (const path of paths) {
    if (methods.includes('GET')) {
      app.get(path, (req, res) => {
        const params = asParams(req.query);
        answer(req, res, params, formatOf(params._format));
      });
    }
    const bodyRoute = async (req: Request, res: Response) => {
      const queryFormat = formatOf(req.query._format);
      const read = await readBody(req, env.config.bodyLimitBytes);
      if (!read.ok) {
        if (read.reason === 'aborted') return;
        res.setHeader('Connection', 'close');
        const message = `Request body too large (limit ${env.config.bodyLimitBytes} bytes)`;
        return reply(req, res, {
          body: { success: false, code: 413, message },
          format: queryFormat,
          status: 413,
        });
      }
      const json = parseJsonBody(read.text, req.headers['content-type']);
      if (!json.ok)
        return reply(req, res, {
          body: { success: false, code: 90, message: json.message },
          format: queryFormat,
        });
      answer(req, res, json.params, formatOf(json.params._format, req.query._format));
    };
    if (methods.includes('POST')) app.post(path, bodyRoute);
    if (methods.includes('DELETE')) app.delete(path, bodyRoute);
    app.all(path, (req, res) => {
      res.setHeader('Allow', `${methods.join(', ')}, OPTIONS`);
      reply(req, res, {
        body: {
          success: false,
          code: 405,
          message: `${req.method} is not allowed on ${path}: use ${methods.join(' or ')}`,
        },
        format: formatOf(req.query._format),
        status: 405,
      });
    });
  }
}

/**
 * Builds the mock's Express app: the SMS Partner routes, mounted from the
 * endpoint registry onto the handler pipeline; the admin API under /__mock;
 * CORS; and an HTTP layer that turns every bad input into a documented
 * answer. Express lives in `http/` only: handlers never see it.
 */
export function createApp(options: AppOptions = {}): MockApp {
  const config = parseConfig(options.config ?? defaultConfigInput);
  const store = options.store ?? createStore(config);
  const env: RequestEnvironment = { store, config, checkResponses: options.checkResponses === true };
  const reply = replier(config, options.log);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(corsMiddleware(options.cors ?? 'loopback'));
  app.use('/__mock', adminRouter(store));
  for (const endpoint of Object.values(endpoints) as AnyEndpoint[]) mountEndpoint(app, endpoint, env, reply);

  const documented = (Object.values(endpoints) as AnyEndpoint[]).map((endpoint) => ({
    route: `${endpoint.method} ${endpoint.path}`,
    path: endpoint.path,
  }));
  app.use((req, res) => {
    const nearest = nearestRoute(req.path, documented);
    reply(req, res, {
      body: {
        success: false,
        code: 404,
        message: `Unknown endpoint ${req.method} ${req.path}${nearest ? `. Did you mean ${nearest.route}?` : ''}`,
        endpoints: documented.map((entry) => entry.route),
      },
      format: formatOf(req.query._format),
      status: 404,
    });
  });

  // Errors from the admin API's JSON parser, and anything unforeseen: a clean answer, no stack.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (req.path.startsWith('/__mock') && type?.startsWith('entity.')) {
      if (type === 'entity.too.large') return res.status(413).json({ error: 'Request body too large' });
      return res
        .status(400)
        .json({ error: type === 'entity.parse.failed' ? 'Malformed JSON' : 'Bad request' });
    }
    options.log?.(
      `${req.method} ${redactUrl(req.originalUrl, REDACTED)} -> internal error: ${(error as Error)?.name ?? 'unknown'}`,
    );
    if (!res.headersSent) res.status(500).json({ success: false, code: 500, message: 'Internal mock error' });
  });

  return { app, store, config };
}

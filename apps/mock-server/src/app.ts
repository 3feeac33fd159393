import { type AnyEndpoint, elementIdFor, endpoints, transportCodes } from '@smspartner-kit/schema';
import express, { type NextFunction, type Request, type Response } from 'express';
import { adminRouter } from './admin.js';
import { defaultConfigInput, type MockConfig, type MockConfigInput, parseConfig } from './config.js';
import { allowedOrigin, type CorsPolicy } from './cors.js';
import { handlers } from './handlers/index.js';
import { type EnvelopeBody, identify, validationFailure } from './handlers/shared.js';
import {
  editDistance,
  formatOf,
  httpStatusFor,
  type ResponseFormat,
  readBody,
  redactUrl,
  serialise,
} from './http.js';
import { createStore, type Store } from './store.js';

export interface AppOptions {
  /** The config (defaults: the built-in one). */
  config?: MockConfigInput | MockConfig;
  /** Inject a store to drive state from a test; by default one is built from the config. */
  store?: Store;
  /** Allowed browser origins (default: any loopback origin). */
  cors?: CorsPolicy;
  /** Receives one line per request, with every apiKey redacted. Silent by default. */
  log?: (line: string) => void;
}

export interface MockApp {
  app: express.Express;
  store: Store;
  config: MockConfig;
}

const UNKNOWN_PARAMS_HEADER = 'X-Mock-Unknown-Params';

interface Answer {
  body: EnvelopeBody;
  format: ResponseFormat;
  namedKeys?: readonly string[] | undefined;
  status?: number;
  headers?: Record<string, string>;
}

function knownParams(endpoint: AnyEndpoint): Set<string> {
  const def = (endpoint.request as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod
    .def;
  return new Set(Object.keys(def.shape ?? {}));
}

function asParams(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Builds the mock's Express app: the SMS Partner routes, mounted from the
 * endpoint registry onto pure handlers; the admin API under /__mock; CORS;
 * and an HTTP layer that turns every bad input into a documented answer.
 * Express stays in this file: handlers never see it.
 */
export function createApp(options: AppOptions = {}): MockApp {
  const config = parseConfig(options.config ?? defaultConfigInput);
  const store = options.store ?? createStore(config);
  const cors = options.cors ?? 'loopback';
  const log = options.log;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  const send = (req: Request, res: Response, answer: Answer) => {
    const status = httpStatusFor(answer.body, config.errorHttpStatus, answer.status);
    const { contentType, text } = serialise(answer.body, answer.format, answer.namedKeys);
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    // Written directly: Express's res.send (freshness, ETag and charset handling) costs more than the answer.
    res.statusCode = status;
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
    log?.(`${req.method} ${redactUrl(req.originalUrl)} -> ${status} code=${answer.body.code}`);
  };

  // CORS first, so that even errors are readable from a browser.
  app.use((req, res, next) => {
    const origin = allowedOrigin(cors, req.headers.origin);
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', UNKNOWN_PARAMS_HEADER);
      if (origin !== '*') res.append('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      if (origin) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
        res.setHeader(
          'Access-Control-Allow-Headers',
          req.headers['access-control-request-headers'] ?? 'Content-Type',
        );
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.status(204).end();
      return;
    }
    next();
  });

  app.use('/__mock', adminRouter(store));

  for (const [name, endpoint] of Object.entries(endpoints) as [keyof typeof endpoints, AnyEndpoint][]) {
    const handler = handlers[name];
    const known = knownParams(endpoint);
    const run = (req: Request, res: Response, params: Record<string, unknown>, format: ResponseFormat) => {
      const unknown = Object.keys(params).filter((key) => !known.has(key));
      // Names are percent-encoded: a header cannot carry every character a JSON key can.
      const headers: Record<string, string> =
        unknown.length > 0 ? { [UNKNOWN_PARAMS_HEADER]: unknown.map(encodeURIComponent).join(',') } : {};
      const context = { store, config, ip: req.socket.remoteAddress };
      // Strict mode refuses undocumented fields with code 9, where the endpoint documents code 9,
      // and only after the key checks (1, 10) that come first everywhere.
      if (unknown.length > 0 && config.strictParams && endpoint.codes[9]) {
        const identity = identify(params, store, endpoint.codes);
        const body =
          'answer' in identity
            ? identity.answer
            : validationFailure(
                unknown.map((key) => ({
                  elementId: elementIdFor(key),
                  message: 'This field is not documented',
                })),
              );
        send(req, res, { body, format, headers });
        return;
      }
      send(req, res, { body: handler(params, context), format, headers, namedKeys: endpoint.xmlNamedKeys });
    };

    if (endpoint.method === 'GET') {
      app.get(endpoint.path, (req, res) => {
        const params = asParams(req.query);
        run(req, res, params, formatOf(params._format));
      });
    } else {
      app.post(endpoint.path, async (req, res) => {
        const queryFormat = formatOf(req.query._format);
        const body = await readBody(req, config.bodyLimitBytes);
        if (!body.ok) {
          if (body.reason === 'aborted') return;
          res.setHeader('Connection', 'close');
          return send(req, res, {
            body: {
              success: false,
              code: 413,
              message: `Request body too large (limit ${config.bodyLimitBytes} bytes)`,
            },
            format: queryFormat,
            status: 413,
          });
        }
        const text = body.text;
        const type = req.headers['content-type'];
        const malformed = (message: string) =>
          send(req, res, { body: { success: false, code: 90, message }, format: queryFormat });
        if (type !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
          return malformed('Malformed JSON: the body must be JSON sent with Content-Type: application/json');
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return malformed(transportCodes[90].message);
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          return malformed('Malformed JSON: the body must be a JSON object');
        }
        const params = parsed as Record<string, unknown>;
        run(req, res, params, formatOf(params._format, req.query._format));
      });
    }
    app.all(endpoint.path, (req, res) => {
      res.setHeader('Allow', `${endpoint.method}, OPTIONS`);
      send(req, res, {
        body: {
          success: false,
          code: 405,
          message: `${req.method} is not allowed on ${endpoint.path}: use ${endpoint.method}`,
        },
        format: formatOf(req.query._format),
        status: 405,
      });
    });
  }

  const known = Object.values(endpoints).map((endpoint) => ({
    route: `${endpoint.method} ${endpoint.path}`,
    path: endpoint.path,
  }));
  app.use((req, res) => {
    const nearest = [...known].sort(
      (a, b) => editDistance(req.path, a.path) - editDistance(req.path, b.path),
    )[0];
    send(req, res, {
      body: {
        success: false,
        code: 404,
        message: `Unknown endpoint ${req.method} ${req.path}${nearest ? `. Did you mean ${nearest.route}?` : ''}`,
        endpoints: known.map((entry) => entry.route),
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
    log?.(
      `${req.method} ${redactUrl(req.originalUrl)} -> internal error: ${(error as Error)?.name ?? 'unknown'}`,
    );
    if (!res.headersSent) res.status(500).json({ success: false, code: 500, message: 'Internal mock error' });
  });

  return { app, store, config };
}

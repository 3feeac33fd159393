// The mock's engine as MSW request handlers: the same pipeline, state, rules
// and answers as the HTTP mock, in a test's own process or in a browser's
// service worker. No Express, no Node built-in: the bundle test checks it.
import { type AnyEndpoint, endpoints } from '@smspartner-kit/schema';
import { delay, type HttpHandler, HttpResponse, http } from 'msw';
import { defaultConfigInput, type MockConfig, type MockConfigInput, parseConfig } from '../core/config.js';
import type { RequestEnvironment } from '../core/define-handler.js';
import { dispatch } from '../core/dispatch.js';
import { parseBody, withJsonValues } from '../http/body.js';
import { endpointFormat, formatOf, type ResponseFormat } from '../http/format.js';
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
} from '../http/render.js';
import { createSecretScrubber, type SecretScrubber } from '../http/secrets.js';
import { createStore, type Store } from '../state/store.js';

/** SMS Partner's API root, as the client's default `baseUrl`. */
export const SMS_PARTNER_BASE_URL = 'https://api.smspartner.fr';

export interface SmsPartnerHandlersOptions {
  /**
   * The API roots to answer on (default: SMS Partner's real one). Give your
   * own too when your app calls a proxy or a configurable URL, e.g.
   * `['https://api.smspartner.fr', 'http://localhost:5173/sms-api']`.
   */
  baseUrl?: string | readonly string[];
  /** The config: accounts and their settings, prices, errorHttpStatus… (default: the built-in one). */
  config?: MockConfigInput | MockConfig;
  /** A store to share (e.g. with a running HTTP mock); by default one is built from the config. */
  store?: Store;
  /** The caller address accounts with an `allowedIps` list see (MSW knows none). Default 127.0.0.1. */
  clientIp?: string;
  /** Check every success body against the registry's response schema, and answer HTTP 500 when one drifts. */
  checkResponses?: boolean;
  /**
   * Answer 404 (code 404, with the list of endpoints) for any other path under
   * a base URL, instead of letting MSW treat it as unhandled. Default true.
   */
  unknownPaths?: boolean;
}

export interface SmsPartnerHandlers {
  /** Give them to `setupServer(...handlers)` or `setupWorker(...handlers)`. */
  handlers: HttpHandler[];
  /** The state behind them: `store.clock.set(…)`, `store.listMessages(apiKey)`, `store.reset()`… */
  store: Store;
  config: MockConfig;
}

function queryParams(url: URL): Record<string, unknown> {
  // As the HTTP mock's query parser (node:querystring): a repeated name is a list.
  const params: Record<string, unknown> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    params[name] = values.length === 1 ? values[0] : values;
  }
  return params;
}

function toResponse(answer: Answer, config: MockConfig, scrub: SecretScrubber): Response {
  const rendered = render(answer, config.errorHttpStatus, scrub);
  const headers = new Headers(rendered.headers);
  if (rendered.contentType) headers.set('Content-Type', rendered.contentType);
  return new HttpResponse(rendered.text ?? null, { status: rendered.status, headers });
}

const pathOf = (url: URL) => `${url.pathname}${url.search}`;

/**
 * MSW request handlers for every endpoint of the registry, on SMS Partner's
 * base URL (and any other given), backed by the mock's own pipeline and a
 * store you can drive: the same codes, the same five-minute cancel rule, the
 * same clock, the same injected faults (a delay, a bare status, a network
 * error for a dropped connection) as `smspartner-mock`.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createSmsPartnerHandlers } from '@smspartner-kit/mock-server/msw';
 *
 * const { handlers, store } = createSmsPartnerHandlers();
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
 */
export function createSmsPartnerHandlers(options: SmsPartnerHandlersOptions = {}): SmsPartnerHandlers {
  const config = parseConfig(options.config ?? defaultConfigInput);
  const store = options.store ?? createStore(config);
  const env: RequestEnvironment = {
    store,
    config,
    ip: options.clientIp ?? '127.0.0.1',
    checkResponses: options.checkResponses === true,
  };
  const scrub = createSecretScrubber(store);
  const bases = (
    typeof options.baseUrl === 'string' ? [options.baseUrl] : (options.baseUrl ?? [SMS_PARTNER_BASE_URL])
  ).map((base) => base.replace(/\/+$/, ''));

  const respond = (request: Request, url: URL, started: number, answer: Answer): Response => {
    const response = toResponse(answer, config, scrub);
    journalAnswer(store, { method: request.method, url: pathOf(url), started }, answer, response.status);
    return response;
  };

  const answerEndpoint = async (endpoint: AnyEndpoint, request: Request): Promise<Response> => {
    const started = performance.now();
    // As the HTTP mock: an endpoint that documents no `_format` answers JSON whatever is asked.
    const formatOf = endpointFormat(endpoint);
    const url = new URL(request.url);
    const query = queryParams(url);
    let params = query;
    let warnings: readonly string[] = NONE;
    let format: ResponseFormat;
    if (request.method === 'GET') {
      // A body endpoint the docs also show by GET (multi-status): its lists travel as JSON text.
      if (endpoint.method !== 'GET') params = withJsonValues(query);
      format = formatOf(query._format);
    } else {
      const text = await request.text();
      const queryFormat = formatOf(query._format);
      if (new TextEncoder().encode(text).length > config.bodyLimitBytes) {
        return respond(
          request,
          url,
          started,
          tooLargeAnswer(config.bodyLimitBytes, queryFormat, endpoint.name),
        );
      }
      const parsed = parseBody(text, request.headers.get('content-type') ?? undefined, config.strictParams);
      if (!parsed.ok)
        return respond(request, url, started, malformedAnswer(parsed.message, queryFormat, endpoint.name));
      params = parsed.params;
      warnings = parsed.warnings;
      format = formatOf(parsed.params._format, query._format);
    }
    const outcome = dispatch(endpoint.name, params, env);
    const apiKey = params.apiKey;
    const account = typeof apiKey === 'string' ? store.account(apiKey) : undefined;
    const delivery = deliveryOf(outcome, format, warnings, account, scrub);
    if (delivery.latencyMs) await delay(delivery.latencyMs);
    if (delivery.drop) {
      journalAnswer(store, { method: request.method, url: pathOf(url), started }, delivery.answer, 0);
      return HttpResponse.error();
    }
    return respond(request, url, started, delivery.answer);
  };

  const handlers: HttpHandler[] = [];
  for (const base of bases) {
    for (const endpoint of Object.values(endpoints) as AnyEndpoint[]) {
      // As the HTTP mock: an entry selected by a field of its own (`selectedBy`) is reached through its route's owner.
      if (endpoint.selectedBy !== undefined) continue;
      const { methods, paths } = routesOf(endpoint);
      for (const path of paths) {
        for (const method of methods) {
          const on = method === 'GET' ? http.get : method === 'POST' ? http.post : http.delete;
          handlers.push(on(`${base}${path}`, ({ request }) => answerEndpoint(endpoint, request)));
        }
        handlers.push(
          http.all(`${base}${path}`, ({ request }) => {
            const url = new URL(request.url);
            if (request.method === 'OPTIONS') return new HttpResponse(null, { status: 204 });
            return respond(
              request,
              url,
              performance.now(),
              notAllowedAnswer(
                request.method,
                path,
                methods,
                endpointFormat(endpoint)(url.searchParams.get('_format')),
                endpoint.name,
              ),
            );
          }),
        );
      }
    }
    if (options.unknownPaths !== false) {
      handlers.push(
        http.all(`${base}/*`, ({ request }) => {
          const url = new URL(request.url);
          const format = formatOf(url.searchParams.get('_format'));
          return respond(
            request,
            url,
            performance.now(),
            unknownEndpointAnswer(request.method, url.pathname, format, scrub),
          );
        }),
      );
    }
  }
  return { handlers, store, config };
}

export type { Store } from '../state/store.js';

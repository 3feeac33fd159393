import type { EndpointName, RouteOf } from '@smspartner-kit/schema';
import { createRedactor, REDACTED } from '@smspartner-kit/schema';
import ky, { type Hooks, isHTTPError, isNetworkError, isTimeoutError, type Options } from 'ky';
import { type EndpointResult, readAnswer } from './answer.js';
import { isBrowserLike } from './environment.js';
import {
  SmsPartnerConfigError,
  SmsPartnerNetworkError,
  type SmsPartnerRequestInfo,
  type SmsPartnerResponseInfo,
  SmsPartnerTimeoutError,
} from './errors.js';
import { type ResponseFormat, type ResponseFormatPlugin, XML_HOW_TO } from './format.js';

/** SMS Partner's API root. Registry paths already start with `/v1/`. */
export const DEFAULT_BASE_URL = 'https://api.smspartner.fr';

/**
 * When and how GET requests are retried. Sends (POST) are never retried: SMS
 * Partner has no idempotency key, so a retried send can text twice.
 */
export interface RetryOptions {
  /** Retries after the first attempt. `0` turns retries off. Default `2`. */
  readonly limit?: number;
  /**
   * Milliseconds to wait before retry number `attemptCount` (1, 2, …).
   * Default: exponential, `300 * 2 ** (attemptCount - 1)` (300 ms, 600 ms, …).
   * Tests pass `() => 0`.
   */
  readonly delay?: (attemptCount: number) => number;
  /**
   * Upper bound of one wait, in milliseconds, including a wait asked for by a
   * `Retry-After` header on 429 or 503. Default `10000`.
   */
  readonly maxDelay?: number;
}

/** Options of {@link createTransport} and `createSmsPartnerClient`. */
export interface SmsPartnerClientOptions {
  /**
   * Where requests go; registry paths (`/v1/send`) are appended to it, so a
   * path prefix is kept (`https://example.com/sms-proxy` →
   * `https://example.com/sms-proxy/v1/send`). May be relative in a browser.
   * Default {@link DEFAULT_BASE_URL}.
   */
  readonly baseUrl?: string | URL;
  /**
   * Your SMS Partner API key, sent in the query string of GETs and the JSON
   * body of POSTs. Omit it when a proxy of yours adds it (proxy mode).
   */
  readonly apiKey?: string;
  /** Per-attempt timeout in milliseconds, body read included. Default `10000`. */
  readonly timeout?: number;
  /** A fetch implementation (tests, instrumentation, SSR frameworks). Default `globalThis.fetch`. */
  readonly fetch?: (input: Request | URL | string, init?: RequestInit) => Promise<Response>;
  /** ky hooks, run as ky runs them, on GETs and POSTs alike. */
  readonly hooks?: Hooks;
  /**
   * `'json'` (default) or `xmlFormat` from `@smspartner-kit/client/xml`: the
   * client then asks for `_format=xml` and decodes the XML answer into the
   * same typed result. The former `'xml'` string throws
   * {@link SmsPartnerConfigError}: XML is a plug-in, so apps that do not ask
   * for it do not bundle its codec.
   */
  readonly format?: 'json' | ResponseFormatPlugin;
  /** GET retry policy; a number is the `limit`. Default `{ limit: 2 }`. */
  readonly retry?: number | RetryOptions;
  /**
   * Allows an `apiKey` in a browser or web worker, where anyone can read it.
   * Without it, creating a client with an `apiKey` there throws
   * {@link SmsPartnerConfigError}. Prefer a proxy that adds the key server-side.
   */
  readonly dangerouslyAllowApiKeyInBrowser?: boolean;
  /**
   * Tells whether the code runs in a browser. Default {@link isBrowserLike}
   * on `globalThis`. For tests and for runtimes the default misjudges.
   */
  readonly detectBrowser?: () => boolean;
}

/** One value of a request: a scalar, or (in JSON bodies only) a list of records such as `SMSList`. */
export type WireValue =
  | string
  | number
  | undefined
  | ReadonlyArray<Readonly<Record<string, string | number>>>;

/** Request parameters of one endpoint, as they travel, without `apiKey` and `_format`. */
export type WireParams = Readonly<Record<string, WireValue>>;

/**
 * The shared HTTP layer: one ky instance, the API key, the format and the
 * retry policy. The endpoint functions (`sendSms`, `cancelSms`) take it as
 * their first argument, so an app bundles only the endpoints it imports.
 */
export interface SmsPartnerTransport {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** The answer format asked for: `'xml'` with the `xmlFormat` plug-in, `'json'` otherwise. */
  readonly format: ResponseFormat;
  /** Whether requests carry an API key (false in proxy mode). The key itself is not exposed. */
  readonly hasApiKey: boolean;
  /**
   * Calls one registry endpoint and returns its parsed success body, or
   * throws an error of the `SmsPartnerError` family. `route` is the
   * endpoint's route from the schema package (`cancelSmsRoute`): method,
   * path, success schema and codes, without the request schema, and passed
   * rather than looked up by name, so a bundle holds only the routes it calls.
   */
  call<Name extends EndpointName>(
    name: Name,
    route: RouteOf<Name>,
    params: WireParams,
  ): Promise<EndpointResult<Name>>;
}

const MAX_TIMEOUT = 2_147_483_647;

/** A GET is retried on HTTP 429 and every 5xx (and on network errors). */
const isRetryableStatus = (status: number) => status === 429 || (status >= 500 && status <= 599);
const RETRYABLE_STATUSES = [429, ...Array.from({ length: 100 }, (_, index) => 500 + index)];

function resolveRetry(retry: SmsPartnerClientOptions['retry']): Required<RetryOptions> {
  const given: RetryOptions = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  const resolved = {
    limit: given.limit ?? 2,
    delay: given.delay ?? ((attemptCount: number) => 300 * 2 ** (attemptCount - 1)),
    maxDelay: given.maxDelay ?? 10_000,
  };
  if (!Number.isInteger(resolved.limit) || resolved.limit < 0) {
    throw new SmsPartnerConfigError('retry', '`retry.limit` must be a non-negative integer');
  }
  if (!(resolved.maxDelay >= 0)) {
    throw new SmsPartnerConfigError(
      'retry',
      '`retry.maxDelay` must be a non-negative number of milliseconds',
    );
  }
  return resolved;
}

function resolveFormat(format: unknown): ResponseFormatPlugin | undefined {
  if (format === undefined || format === 'json') return undefined;
  if (format === 'xml') {
    throw new SmsPartnerConfigError(
      'format',
      `XML decoding is a plug-in: ${XML_HOW_TO} instead of \`format: 'xml'\``,
    );
  }
  const plugin = format as Partial<ResponseFormatPlugin> | null;
  if (
    typeof plugin !== 'object' ||
    plugin === null ||
    plugin.name !== 'xml' ||
    typeof plugin.accept !== 'string' ||
    typeof plugin.decode !== 'function'
  ) {
    throw new SmsPartnerConfigError('format', `\`format\` must be 'json' or \`xmlFormat\` (${XML_HOW_TO})`);
  }
  return plugin as ResponseFormatPlugin;
}

function resolveOptions(options: SmsPartnerClientOptions) {
  const plugin = resolveFormat(options.format);
  const timeout = options.timeout ?? 10_000;
  if (!Number.isInteger(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT) {
    throw new SmsPartnerConfigError(
      'timeout',
      `\`timeout\` must be a whole number of milliseconds, 1 to ${MAX_TIMEOUT}`,
    );
  }
  const baseUrl = String(options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  if (baseUrl === '') throw new SmsPartnerConfigError('baseUrl', '`baseUrl` must not be empty');
  const { apiKey } = options;
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey.trim() === '')) {
    throw new SmsPartnerConfigError(
      'apiKey',
      '`apiKey` is empty: pass your key, or leave the option out when a proxy adds it',
    );
  }
  const inBrowser = (options.detectBrowser ?? isBrowserLike)();
  if (apiKey !== undefined && inBrowser && options.dangerouslyAllowApiKeyInBrowser !== true) {
    throw new SmsPartnerConfigError(
      'dangerouslyAllowApiKeyInBrowser',
      'An API key in a browser can be read by anyone using the page. Omit `apiKey` and call a proxy of ' +
        'yours that adds it (proxy mode), or pass `dangerouslyAllowApiKeyInBrowser: true` if you accept the risk.',
    );
  }
  return { plugin, timeout, baseUrl, apiKey, retry: resolveRetry(options.retry) } as const;
}

/**
 * Creates the HTTP layer shared by the endpoint functions. Throws
 * {@link SmsPartnerConfigError} when the options cannot work (see each option).
 *
 * @example
 * ```ts
 * import { cancelSms, createTransport } from '@smspartner-kit/client';
 *
 * const transport = createTransport({ apiKey: process.env.SMSPARTNER_API_KEY });
 * await cancelSms(transport, { messageId: 300 });
 * ```
 */
export function createTransport(options: SmsPartnerClientOptions = {}): SmsPartnerTransport {
  const { plugin, timeout, baseUrl, apiKey, retry } = resolveOptions(options);
  const format: ResponseFormat = plugin?.name ?? 'json';
  const redactor = createRedactor(apiKey);

  const shared = {
    timeout,
    // The same for every call: set once here rather than merged into each request's options.
    headers: { accept: plugin?.accept ?? 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  } satisfies Options;

  /**
   * The text of the JSON error bodies ky reads into `HTTPError.data`: ky
   * consumes the body of a status it throws for, and the body, not the
   * status, decides the answer (see `call`). Other content types arrive as
   * text in `data` already.
   */
  const errorBodies = new WeakMap<Response, string>();

  /**
   * GETs: retried by ky itself, on network errors and on 429/5xx (honouring
   * `Retry-After` on 429 and 503), without an `afterResponse` hook, which would
   * cost every call a copy of the response (ky clones it for each hook). ky
   * only retries statuses it throws for, so it throws for those alone; when
   * the retries run out, `call` reads the last answer from the `HTTPError`.
   */
  const getApi = ky.create({
    ...shared,
    // With no retry there is nothing to throw for: the body is read as for any status.
    throwHttpErrors: retry.limit > 0 ? isRetryableStatus : false,
    parseJson: (text, { response }) => {
      errorBodies.set(response, text);
      return JSON.parse(text);
    },
    retry: {
      limit: retry.limit,
      methods: ['get'],
      statusCodes: RETRYABLE_STATUSES,
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.maxDelay,
      retryOnTimeout: false,
      delay: retry.delay,
      backoffLimit: retry.maxDelay,
    },
  });
  /**
   * POSTs: never retried (SMS Partner has no idempotency key), so ky never
   * throws for a status and every answer is read as it comes.
   */
  const postApi = ky.create({ ...shared, method: 'POST', throwHttpErrors: false, retry: 0 });

  const call = async <Name extends EndpointName>(
    name: Name,
    route: RouteOf<Name>,
    params: WireParams,
  ): Promise<EndpointResult<Name>> => {
    const wire: Record<string, Exclude<WireValue, undefined>> = {};
    if (apiKey !== undefined) wire.apiKey = apiKey;
    for (const key of Object.keys(params)) {
      const value = params[key];
      if (value !== undefined) wire[key] = value;
    }
    if (plugin) wire._format = plugin.name;

    const { method } = route;
    let url = baseUrl + route.path;
    if (method === 'GET') {
      // Scalars only in a GET: URLSearchParams writes them as String() would.
      const query = new URLSearchParams(wire as Record<string, string>).toString();
      if (query !== '') url += `?${query}`;
    }

    // Error evidence is built only when an error needs it: the redacted URL and
    // body (the API key replaced) and the response headers. `url` and `wire` are
    // not changed after this point, so the evidence is what was sent.
    let request: SmsPartnerRequestInfo | undefined;
    const requestInfo = (): SmsPartnerRequestInfo =>
      (request ??= {
        method,
        url: redactor.url(url),
        body:
          method === 'POST'
            ? redactor.value({ ...wire, ...(apiKey !== undefined ? { apiKey: REDACTED } : {}) })
            : undefined,
      });

    let text: string;
    let response: Response;
    try {
      const pending = method === 'GET' ? getApi(url) : postApi(url, { json: wire });
      text = await pending.text();
      response = await pending;
    } catch (error) {
      if (method === 'GET' && isHTTPError(error) && isRetryableStatus(error.response.status)) {
        // A GET still answering 429/5xx when its retries ran out: the last answer's body decides, as
        // for any status. ky has read the body already: JSON bodies through `parseJson` into
        // `errorBodies`, other bodies as text into `data`; `undefined` is an empty body.
        response = error.response;
        text = errorBodies.get(response) ?? (typeof error.data === 'string' ? error.data : '');
      } else {
        redactor.error(error);
        if (isTimeoutError(error)) {
          throw new SmsPartnerTimeoutError({ request: requestInfo(), endpoint: name, timeout, cause: error });
        }
        if (isNetworkError(error)) {
          throw new SmsPartnerNetworkError({ request: requestInfo(), endpoint: name, cause: error });
        }
        throw error;
      }
    }
    const responseInfo = (): SmsPartnerResponseInfo => ({
      status: response.status,
      headers: redactor.value(Object.fromEntries(response.headers)),
    });
    return readAnswer({ name, route, text, request: requestInfo, response: responseInfo, redactor, plugin });
  };

  return { baseUrl, format, hasApiKey: apiKey !== undefined, call };
}

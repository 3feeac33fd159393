import type { EndpointName, RouteOf } from '@smspartner-kit/schema';
import ky, { type AfterResponseHook, type Hooks, isNetworkError, isTimeoutError, type Options } from 'ky';
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
import { createRedactor, REDACTED } from './redact.js';

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
  /** ky hooks, run as ky runs them (the client adds its retry hook after yours). */
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
export type WireValue = string | number | undefined | ReadonlyArray<Readonly<Record<string, string>>>;

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

const isRetryableStatus = (status: number) => status === 429 || (status >= 500 && status <= 599);

/** Milliseconds asked for by `Retry-After` (seconds or an HTTP date), if any. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

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

  // Retries on a status are decided here rather than by ky's `statusCodes`,
  // because ky only retries statuses it throws for, and the client reads the
  // body of every status itself (`throwHttpErrors: false`).
  const retryOnStatus: AfterResponseHook = ({ request, response, retryCount }) => {
    if (request.method !== 'GET' || !isRetryableStatus(response.status) || retryCount >= retry.limit) return;
    const asked =
      response.status === 429 || response.status === 503 ? retryAfterMs(response.headers) : undefined;
    return ky.retry({
      delay: Math.min(retry.maxDelay, asked ?? retry.delay(retryCount + 1)),
      code: `HTTP_${response.status}`,
    });
  };

  const shared = {
    timeout,
    throwHttpErrors: false,
    // The same for every call: set once here rather than merged into each request's options.
    headers: { accept: plugin?.accept ?? 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  } satisfies Options;
  /** GETs: retried on network errors by ky, on statuses by `retryOnStatus`. */
  const getApi = ky.create({
    ...shared,
    retry: {
      // Network errors only: ky retries them for GET; statuses go through `retryOnStatus`.
      limit: retry.limit,
      methods: ['get'],
      statusCodes: [],
      afterStatusCodes: [],
      retryOnTimeout: false,
      delay: retry.delay,
      backoffLimit: retry.maxDelay,
    },
    hooks: {
      ...options.hooks,
      afterResponse: [...(options.hooks?.afterResponse ?? []), retryOnStatus],
    },
  });
  /**
   * POSTs: never retried (SMS Partner has no idempotency key), so without the
   * retry hook, which would cost every send a copy of the response (ky clones
   * it for each `afterResponse` hook).
   */
  const postApi = ky.create({ ...shared, method: 'POST', retry: 0, hooks: options.hooks ?? {} });

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
      redactor.error(error);
      if (isTimeoutError(error)) {
        throw new SmsPartnerTimeoutError({ request: requestInfo(), endpoint: name, timeout, cause: error });
      }
      if (isNetworkError(error)) {
        throw new SmsPartnerNetworkError({ request: requestInfo(), endpoint: name, cause: error });
      }
      throw error;
    }
    const responseInfo = (): SmsPartnerResponseInfo => ({
      status: response.status,
      headers: redactor.value(Object.fromEntries(response.headers)),
    });
    return readAnswer({ name, route, text, request: requestInfo, response: responseInfo, redactor, plugin });
  };

  return { baseUrl, format, hasApiKey: apiKey !== undefined, call };
}

import type { EndpointName, Endpoints } from '@smspartner-kit/schema';
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
import { createRedactor, REDACTED } from './redact.js';

/** SMS Partner's API root. Registry paths already start with `/v1/`. */
export const DEFAULT_BASE_URL = 'https://api.smspartner.fr';

/** The answer format asked of the API (`_format`). */
export type ResponseFormat = 'json' | 'xml';

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
   * `'json'` (default) or `'xml'`. With `'xml'` the client asks for
   * `_format=xml` and decodes the XML answer into the same typed result.
   */
  readonly format?: ResponseFormat;
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
  readonly format: ResponseFormat;
  /** Whether requests carry an API key (false in proxy mode). The key itself is not exposed. */
  readonly hasApiKey: boolean;
  /**
   * Calls one registry endpoint and returns its parsed success body, or
   * throws an error of the `SmsPartnerError` family. `endpoint` is the
   * registry entry itself (not looked up by name, to keep bundles small).
   */
  call<Name extends EndpointName>(
    name: Name,
    endpoint: Endpoints[Name],
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

function resolveOptions(options: SmsPartnerClientOptions) {
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'xml') {
    throw new SmsPartnerConfigError('format', "`format` must be 'json' or 'xml'");
  }
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
  return { format, timeout, baseUrl, apiKey, retry: resolveRetry(options.retry) } as const;
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
  const { format, timeout, baseUrl, apiKey, retry } = resolveOptions(options);
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

  const api = ky.create({
    timeout,
    throwHttpErrors: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
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

  const call = async <Name extends EndpointName>(
    name: Name,
    endpoint: Endpoints[Name],
    params: WireParams,
  ): Promise<EndpointResult<Name>> => {
    const wire: Record<string, Exclude<WireValue, undefined>> = {};
    if (apiKey !== undefined) wire.apiKey = apiKey;
    for (const [key, value] of Object.entries(params)) if (value !== undefined) wire[key] = value;
    if (format === 'xml') wire._format = 'xml';

    const method = endpoint.method;
    let url = `${baseUrl}${endpoint.path}`;
    const kyOptions: Options = {
      method,
      headers: { accept: format === 'xml' ? 'application/xml' : 'application/json' },
    };
    if (method === 'GET') {
      const query = new URLSearchParams(
        Object.entries(wire).map(([key, value]) => [key, String(value)]),
      ).toString();
      if (query !== '') url += `?${query}`;
    } else {
      kyOptions.json = wire;
      kyOptions.retry = 0;
    }
    const request: SmsPartnerRequestInfo = {
      method,
      url: redactor.url(url),
      body:
        method === 'POST'
          ? redactor.value({ ...wire, ...(apiKey !== undefined ? { apiKey: REDACTED } : {}) })
          : undefined,
    };

    let text: string;
    let response: Response;
    try {
      const pending = api(url, kyOptions);
      text = await pending.text();
      response = await pending;
    } catch (error) {
      redactor.error(error);
      if (isTimeoutError(error)) {
        throw new SmsPartnerTimeoutError({ request, endpoint: name, timeout, cause: error });
      }
      if (isNetworkError(error)) throw new SmsPartnerNetworkError({ request, endpoint: name, cause: error });
      throw error;
    }
    const responseInfo: SmsPartnerResponseInfo = {
      status: response.status,
      headers: redactor.value(Object.fromEntries(response.headers)),
    };
    return readAnswer({ name, endpoint, text, request, response: responseInfo, redactor });
  };

  return { baseUrl, format, hasApiKey: apiKey !== undefined, call };
}

import type { EndpointName, Endpoints, RouteOf } from '@smspartner-kit/schema';
import { createRedactor, REDACTED } from '@smspartner-kit/schema';
import ky, { type AfterResponseHook, type Hooks, isHTTPError, isNetworkError, isTimeoutError } from 'ky';
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

/**
 * The request parameters of one endpoint as they travel, without `apiKey` and
 * `_format` (the transport adds those): the registry's request type, so
 * `WireParams<'…'>` is what the endpoint's request schema accepts.
 */
export type WireParams<Name extends EndpointName = EndpointName> = Name extends EndpointName
  ? NoFields<{
      readonly [Key in keyof RequestOf<Name> as Key extends 'apiKey' | '_format'
        ? never
        : Key]: RequestOf<Name>[Key];
    }>
  : never;

/** `{}` would accept any object; an endpoint without fields takes none. */
type NoFields<Params> = keyof Params extends never ? Readonly<Record<string, never>> : Params;

/** The input of an endpoint's request schema (its example request has exactly that type). */
type RequestOf<Name extends EndpointName> = Endpoints[Name]['example']['request'];

/**
 * The shared HTTP layer: one ky instance, the API key, the format and the
 * retry policy. Every endpoint goes through {@link SmsPartnerTransport.call};
 * an app that imports one route from `@smspartner-kit/schema` and calls it
 * here bundles that route alone.
 */
export interface SmsPartnerTransport {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** The answer format asked for: `'xml'` with the `xmlFormat` plug-in, `'json'` otherwise. */
  readonly format: ResponseFormat;
  /** Whether requests carry an API key (false in proxy mode). The key itself is not exposed. */
  readonly hasApiKey: boolean;
  /**
   * Calls one endpoint with its wire parameters and returns its parsed
   * success body, or throws an error of the `SmsPartnerError` family. `route`
   * is the endpoint's route from the schema package (method, path, success
   * schema and codes, without the request schema), passed rather than looked
   * up by name, so a bundle holds only the routes it calls. A GET sends
   * `params` in the query string, any other method as a JSON body.
   */
  call<Name extends EndpointName>(
    route: RouteOf<Name> & { readonly name: Name },
    params: NoInfer<WireParams<Name>>,
  ): Promise<EndpointResult<Name>>;
}

const MAX_TIMEOUT = 2_147_483_647;

/** A GET is retried on HTTP 429 and every 5xx (and on network errors). */
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
 * ky's `parseJson`, for the bodies it reads itself: those of the statuses it
 * throws an `HTTPError` for (every non-2xx answer). They stay text in
 * `HTTPError.data`, since the body, not the status, decides the answer and the
 * client reads every body once, JSON or XML, in `readAnswer`.
 */
const keepText = (text: string) => text;

/**
 * Gives your `afterResponse` hooks the `json()` they would have without the
 * client: ky hands them copies whose `json()` goes through `parseJson`
 * ({@link keepText}), an own property over the standard method.
 */
function withStandardJson(hooks: Hooks): Hooks {
  const { afterResponse } = hooks;
  if (!afterResponse) return hooks;
  return {
    ...hooks,
    afterResponse: afterResponse.map(
      (hook): AfterResponseHook =>
        (state) => {
          delete (state.response as Partial<Response>).json;
          return hook(state);
        },
    ),
  };
}

/**
 * Creates the HTTP layer every endpoint goes through. Throws
 * {@link SmsPartnerConfigError} when the options cannot work (see each option).
 *
 * @example
 * ```ts
 * import { createTransport } from '@smspartner-kit/client';
 * import { cancelSmsRoute } from '@smspartner-kit/schema';
 *
 * const transport = createTransport({ apiKey: process.env.SMSPARTNER_API_KEY });
 * await transport.call(cancelSmsRoute, { messageId: 300 });
 * ```
 */
export function createTransport(options: SmsPartnerClientOptions = {}): SmsPartnerTransport {
  const { plugin, timeout, baseUrl, apiKey, retry } = resolveOptions(options);
  const format: ResponseFormat = plugin?.name ?? 'json';
  const redactor = createRedactor(apiKey);

  /**
   * One instance for every endpoint. ky throws for every non-2xx status (its
   * default), which is what lets its retry see 429 and 5xx; it retries those,
   * and network errors, on GETs only (`methods`), honouring `Retry-After` on
   * 429 and 503. Sends (POST) are never retried: SMS Partner has no
   * idempotency key, so a retried send can text twice. Whatever the status,
   * `call` then reads the answer's body.
   */
  const api = ky.create({
    prefix: baseUrl,
    timeout,
    parseJson: keepText,
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
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.hooks ? { hooks: withStandardJson(options.hooks) } : {}),
  });

  const call = async <Name extends EndpointName>(
    route: RouteOf<Name>,
    params: WireParams<Name>,
  ): Promise<EndpointResult<Name>> => {
    const wire: Record<string, unknown> = {};
    if (apiKey !== undefined) wire.apiKey = apiKey;
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) wire[key] = value;
    }
    // XML only where the page documents `_format`: elsewhere the API answers JSON anyway, and a
    // strict server refuses a field its page does not list.
    const xml = route.xml && plugin;
    if (xml) wire._format = xml.name;
    const { method } = route;
    const inQuery = method === 'GET';

    // Error evidence is built only when an error needs it, with the API key replaced: the URL (as
    // ky builds it from `prefix` and `searchParams`) and the JSON body; then the response headers.
    const sentUrl = () => {
      // Scalars only in a query string: URLSearchParams writes them as ky does.
      const query = inQuery ? new URLSearchParams(wire as Record<string, string>).toString() : '';
      return `${baseUrl}${route.path}${query === '' ? '' : `?${query}`}`;
    };
    let request: SmsPartnerRequestInfo | undefined;
    const requestInfo = (): SmsPartnerRequestInfo =>
      (request ??= {
        method,
        url: redactor.url(sentUrl()),
        body: inQuery
          ? undefined
          : redactor.value({ ...wire, ...(apiKey !== undefined ? { apiKey: REDACTED } : {}) }),
      });

    let text: string;
    let response: Response;
    try {
      const pending = api(route.path, {
        ...(inQuery ? { searchParams: wire as Record<string, string | number> } : { method, json: wire }),
        headers: { accept: xml ? xml.accept : 'application/json' },
      });
      text = await pending.text();
      response = await pending;
    } catch (error) {
      if (!isHTTPError(error)) {
        redactor.error(error);
        if (isTimeoutError(error)) {
          throw new SmsPartnerTimeoutError({
            request: requestInfo(),
            endpoint: route.name,
            timeout,
            cause: error,
          });
        }
        if (isNetworkError(error)) {
          throw new SmsPartnerNetworkError({ request: requestInfo(), endpoint: route.name, cause: error });
        }
        throw error;
      }
      // A non-2xx answer (after the retries, for a GET on 429/5xx): ky has read its body once, as
      // text (see `keepText`); `undefined` is an empty body.
      response = error.response;
      text = typeof error.data === 'string' ? error.data : '';
    }
    const responseInfo = (): SmsPartnerResponseInfo => ({
      status: response.status,
      headers: redactor.value(Object.fromEntries(response.headers)),
    });
    return readAnswer({ route, text, request: requestInfo, response: responseInfo, redactor, plugin });
  };

  return { baseUrl, format, hasApiKey: apiKey !== undefined, call };
}

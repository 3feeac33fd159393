import type {
  EndpointName,
  Endpoints,
  ErrorEnvelope,
  HttpMethod,
  ScheduleProblem,
  ValidationIssue,
} from '@smspartner-kit/schema';

/**
 * The control codes one endpoint can answer besides 200, read from the
 * registry's catalogue (`codes`): for each endpoint, the schema's `…Code` union
 * (`CancelSmsCode`, `SendSmsCode`).
 */
export type EndpointCode<Name extends EndpointName> = keyof Endpoints[Name]['codes'] & number;

/**
 * What the client sent, as error evidence. The API key is replaced by
 * `REDACTED` in the URL's query string and in the body.
 */
export interface SmsPartnerRequestInfo {
  readonly method: HttpMethod;
  /** The full URL, `apiKey=REDACTED` in the query string of a GET. */
  readonly url: string;
  /** The JSON body of a POST (or any method but GET), `apiKey: 'REDACTED'`; undefined for a GET. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
}

/** What the API answered, as error evidence: status and headers, no stream. */
export interface SmsPartnerResponseInfo {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** One reason a body was not accepted (a zod issue, reduced to what explains it). */
export interface SmsPartnerResponseIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const ERROR_NAMES = [
  'SmsPartnerError',
  'SmsPartnerApiError',
  'SmsPartnerNetworkError',
  'SmsPartnerTimeoutError',
  'SmsPartnerResponseError',
  'SmsPartnerConfigError',
  'SmsPartnerScheduleError',
] as const;

/**
 * Base class of every error this package throws, so one `catch` can tell the
 * client's failures from anything else. Never thrown itself.
 *
 * No error of this family holds the API key: not in `message`, `request`,
 * `cause`, `toString()` or `JSON.stringify(error)`.
 */
export class SmsPartnerError extends Error {
  override name: (typeof ERROR_NAMES)[number] = 'SmsPartnerError';
}

/**
 * Raised when SMS Partner answered `success: false` with one of the endpoint's
 * documented control codes, whatever the HTTP status that came with it (the
 * docs do not say which status errors carry).
 *
 * `Code` is the union of the endpoint's codes: `SmsPartnerApiError<CancelSmsCode>`
 * for the cancel endpoint. Match on `code`, never on `message`: SMS Partner
 * localises its messages (English or French depending on the account). The
 * guard {@link isSmsPartnerApiError}, given the endpoint's name, narrows `code`
 * to that endpoint's union.
 */
export class SmsPartnerApiError<Code extends number = number> extends SmsPartnerError {
  override name = 'SmsPartnerApiError' as const;
  /** The control code, one of the endpoint's catalogue. */
  readonly code: Code;
  /** The code-9 validation list (the API sends it as `error` or `errors`); empty otherwise. */
  readonly errors: readonly ValidationIssue[];
  /** The error body as parsed (from JSON, or rebuilt from the XML entries). */
  readonly body: ErrorEnvelope;
  readonly request: SmsPartnerRequestInfo;
  readonly response: SmsPartnerResponseInfo;
  /** The registry name of the endpoint that answered. */
  readonly endpoint: EndpointName;

  constructor(init: {
    code: Code;
    errors: readonly ValidationIssue[];
    body: ErrorEnvelope;
    request: SmsPartnerRequestInfo;
    response: SmsPartnerResponseInfo;
    endpoint: EndpointName;
    apiMessage: string | undefined;
  }) {
    const detail =
      init.apiMessage ?? init.errors.map((issue) => `${issue.elementId}: ${issue.message}`).join('; ');
    super(
      `SMS Partner answered code ${init.code}${detail ? ` (${detail})` : ''} to ${init.request.method} ${init.request.url}`,
    );
    this.code = init.code;
    this.errors = init.errors;
    this.body = init.body;
    this.request = init.request;
    this.response = init.response;
    this.endpoint = init.endpoint;
  }
}

/**
 * Raised when no response arrived: DNS failure, refused connection, offline
 * browser, CORS rejection. A GET has already been retried (see the `retry`
 * option) when this is thrown; a POST never is, because SMS Partner has no
 * idempotency key and a retried send could text twice.
 *
 * `cause` is ky's `NetworkError`, with the API key redacted from its message.
 */
export class SmsPartnerNetworkError extends SmsPartnerError {
  override name = 'SmsPartnerNetworkError' as const;
  readonly request: SmsPartnerRequestInfo;
  readonly endpoint: EndpointName;

  constructor(init: { request: SmsPartnerRequestInfo; endpoint: EndpointName; cause: unknown }) {
    super(`Network error on ${init.request.method} ${init.request.url}`, { cause: init.cause });
    this.request = init.request;
    this.endpoint = init.endpoint;
  }
}

/**
 * Raised when an attempt got no response (or no complete body) within the
 * `timeout` option. Timeouts are not retried: for a send, the SMS may have
 * gone out; for a GET, the caller decides.
 *
 * `cause` is ky's `TimeoutError`, with the API key redacted from its message.
 */
export class SmsPartnerTimeoutError extends SmsPartnerError {
  override name = 'SmsPartnerTimeoutError' as const;
  readonly request: SmsPartnerRequestInfo;
  readonly endpoint: EndpointName;
  /** The per-attempt timeout that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(init: {
    request: SmsPartnerRequestInfo;
    endpoint: EndpointName;
    timeout: number;
    cause: unknown;
  }) {
    super(`No answer within ${init.timeout} ms to ${init.request.method} ${init.request.url}`, {
      cause: init.cause,
    });
    this.request = init.request;
    this.endpoint = init.endpoint;
    this.timeout = init.timeout;
  }
}

/** Why a body was not understood; see {@link SmsPartnerResponseError}. */
export type SmsPartnerResponseProblem =
  /** Not JSON, not SMS Partner XML (an HTML error page, an empty body…). */
  | 'unparseable'
  /** Parsed, but neither the endpoint's success shape nor the error envelope. */
  | 'unexpected-shape'
  /** A valid error envelope whose code the endpoint's catalogue does not list. */
  | 'unknown-code';

/** Longest raw body kept on a {@link SmsPartnerResponseError}, in characters. */
export const RAW_TEXT_LIMIT = 1000;

/**
 * Raised when an answer arrived but is not one SMS Partner documents for the
 * endpoint: a body that does not parse, a body matching neither the success
 * schema nor the error envelope, or an error envelope whose code the
 * endpoint's catalogue does not list. Usually a proxy, a wrong `baseUrl`, or
 * an API change that the schema package has not caught up with.
 *
 * It deliberately does not extend {@link SmsPartnerApiError}: that class
 * promises a documented `code` typed as the endpoint's union, and code that
 * switches on `error.code` must not receive a value outside it. It does extend
 * {@link SmsPartnerError}, so a catch-all for the client still sees it. (ky's
 * `SchemaValidationError` makes the same split for the same reason.)
 */
export class SmsPartnerResponseError extends SmsPartnerError {
  override name = 'SmsPartnerResponseError' as const;
  readonly problem: SmsPartnerResponseProblem;
  /** The body as received, cut to {@link RAW_TEXT_LIMIT} characters. */
  readonly rawText: string;
  /** The parsed body, when it parsed at all. */
  readonly body: unknown;
  /** Why the body matched no schema (empty for `unparseable`). */
  readonly issues: readonly SmsPartnerResponseIssue[];
  readonly request: SmsPartnerRequestInfo;
  readonly response: SmsPartnerResponseInfo;
  readonly endpoint: EndpointName;

  constructor(init: {
    problem: SmsPartnerResponseProblem;
    detail: string;
    rawText: string;
    body: unknown;
    issues: readonly SmsPartnerResponseIssue[];
    request: SmsPartnerRequestInfo;
    response: SmsPartnerResponseInfo;
    endpoint: EndpointName;
  }) {
    super(
      `Unexpected answer (HTTP ${init.response.status}, ${init.detail}) to ${init.request.method} ${init.request.url}`,
    );
    this.problem = init.problem;
    this.rawText = init.rawText;
    this.body = init.body;
    this.issues = init.issues;
    this.request = init.request;
    this.response = init.response;
    this.endpoint = init.endpoint;
  }
}

/**
 * Raised synchronously by `createSmsPartnerClient`/`createTransport` when the
 * options cannot work: an API key in a browser without
 * `dangerouslyAllowApiKeyInBrowser`, a timeout or retry limit that is not a
 * non-negative integer, an unknown `format`. No request is made.
 */
export class SmsPartnerConfigError extends SmsPartnerError {
  override name = 'SmsPartnerConfigError' as const;
  /** The option at fault. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/**
 * Raised by the sends that take `scheduledAt` (and by `scheduleFields`),
 * before any request, when `scheduledAt` cannot be written
 * as SMS Partner's Paris wall-clock fields (`scheduledDeliveryDate` dd/MM/yyyy,
 * `time`, `minute`): an invalid date or an ISO string without a time-zone
 * offset (`invalid-date`), a time off the five-minute grid
 * (`not-on-five-minute-step`), or the second occurrence of the autumn
 * fall-back hour, which the API would read as the first (`ambiguous`).
 */
export class SmsPartnerScheduleError extends SmsPartnerError {
  override name = 'SmsPartnerScheduleError' as const;
  readonly problem: ScheduleProblem;
  /** The `scheduledAt` value as given (a string, or the Date's ISO form). */
  readonly scheduledAt: string;

  constructor(problem: ScheduleProblem, scheduledAt: string) {
    super(`Cannot schedule at ${scheduledAt}: ${describeProblem(problem)}`);
    this.problem = problem;
    this.scheduledAt = scheduledAt;
  }
}

function describeProblem(problem: ScheduleProblem): string {
  switch (problem.kind) {
    case 'invalid-date':
      return 'not a valid instant (give a Date, or an ISO 8601 string with Z or an offset)';
    case 'not-on-five-minute-step':
      return 'SMS Partner schedules on whole five-minute steps (Paris time), with zero seconds';
    case 'ambiguous':
      return 'this is the second occurrence of the autumn fall-back hour in Paris, which SMS Partner would read as the first';
  }
}

const hasName = (error: unknown, name: string): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;

/** Whether `error` is any error of this package (also across realms, by `name`). */
export function isSmsPartnerError(error: unknown): error is SmsPartnerError {
  return (
    error instanceof SmsPartnerError ||
    (typeof error === 'object' &&
      error !== null &&
      (ERROR_NAMES as readonly unknown[]).includes((error as { name?: unknown }).name))
  );
}

/**
 * Whether `error` is a {@link SmsPartnerApiError} (also across realms, by
 * `name`). With an endpoint name, also checks `error.endpoint` and narrows
 * `code` to that endpoint's codes.
 *
 * @example
 * ```ts
 * // `name` is the endpoint's registry name, as the client's method has it.
 * if (isSmsPartnerApiError(error, name) && error.code === 11) topUp();
 * ```
 */
export function isSmsPartnerApiError(error: unknown): error is SmsPartnerApiError;
export function isSmsPartnerApiError<Name extends EndpointName>(
  error: unknown,
  endpoint: Name,
): error is SmsPartnerApiError<EndpointCode<Name>>;
export function isSmsPartnerApiError(error: unknown, endpoint?: EndpointName): boolean {
  const isApiError = error instanceof SmsPartnerApiError || hasName(error, 'SmsPartnerApiError');
  return isApiError && (endpoint === undefined || (error as SmsPartnerApiError).endpoint === endpoint);
}

/** Whether `error` is a {@link SmsPartnerNetworkError} (also across realms, by `name`). */
export function isSmsPartnerNetworkError(error: unknown): error is SmsPartnerNetworkError {
  return error instanceof SmsPartnerNetworkError || hasName(error, 'SmsPartnerNetworkError');
}

/** Whether `error` is a {@link SmsPartnerTimeoutError} (also across realms, by `name`). */
export function isSmsPartnerTimeoutError(error: unknown): error is SmsPartnerTimeoutError {
  return error instanceof SmsPartnerTimeoutError || hasName(error, 'SmsPartnerTimeoutError');
}

/** Whether `error` is a {@link SmsPartnerResponseError} (also across realms, by `name`). */
export function isSmsPartnerResponseError(error: unknown): error is SmsPartnerResponseError {
  return error instanceof SmsPartnerResponseError || hasName(error, 'SmsPartnerResponseError');
}

/** Whether `error` is a {@link SmsPartnerConfigError} (also across realms, by `name`). */
export function isSmsPartnerConfigError(error: unknown): error is SmsPartnerConfigError {
  return error instanceof SmsPartnerConfigError || hasName(error, 'SmsPartnerConfigError');
}

/** Whether `error` is a {@link SmsPartnerScheduleError} (also across realms, by `name`). */
export function isSmsPartnerScheduleError(error: unknown): error is SmsPartnerScheduleError {
  return error instanceof SmsPartnerScheduleError || hasName(error, 'SmsPartnerScheduleError');
}

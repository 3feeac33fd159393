import type { Redactor } from '@smspartner-kit/schema';
import {
  type EndpointName,
  type Endpoints,
  errorEnvelope,
  normalizeError,
  type RouteOf,
} from '@smspartner-kit/schema';
import {
  RAW_TEXT_LIMIT,
  SmsPartnerApiError,
  type SmsPartnerRequestInfo,
  SmsPartnerResponseError,
  type SmsPartnerResponseInfo,
  type SmsPartnerResponseIssue,
  type SmsPartnerResponseProblem,
} from './errors.js';
import { type ResponseFormatPlugin, XML_HOW_TO } from './format.js';

/**
 * The parsed success body of an endpoint: the output of its registry
 * response schema (`SendSmsResponse`, `CancelSmsResponse`).
 */
export type EndpointResult<Name extends EndpointName> = ReturnType<Endpoints[Name]['response']['parse']>;

/** Everything needed to judge one answer. */
export interface Answer<Name extends EndpointName> {
  /** The endpoint's route: its `name` labels errors, its `response` and `codes` judge the body. */
  readonly route: RouteOf<Name>;
  readonly text: string;
  /** The request evidence, built on first call (error paths only). */
  readonly request: () => SmsPartnerRequestInfo;
  /** The response evidence, built when an error needs it. */
  readonly response: () => SmsPartnerResponseInfo;
  readonly redactor: Redactor;
  /** The format plug-in (`xmlFormat`), if the client has one: it decodes bodies that start with `<`. */
  readonly plugin: ResponseFormatPlugin | undefined;
}

type Parsed = { ok: true; value: unknown } | { ok: false; detail: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The start of an SMS Partner XML answer: an XML declaration, or the `<result>` root. */
const XML_START = /^<(\?xml[\s?]|result[\s/>])/;

const NEITHER = 'body is neither JSON nor SMS Partner XML';

/**
 * Reads a body as XML when it starts with `<` and the client has the XML
 * plug-in, as JSON otherwise. The body decides, not the `format` option: a
 * proxy or an error page may answer in the other format, and both decode to
 * the same JSON shape. Without the plug-in, an XML answer is refused with the
 * way to enable XML.
 */
function parseBody(
  route: RouteOf<EndpointName>,
  text: string,
  plugin: ResponseFormatPlugin | undefined,
): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, detail: 'empty body' };
  if (trimmed.startsWith('<')) {
    if (!plugin) {
      return XML_START.test(trimmed)
        ? { ok: false, detail: `an SMS Partner XML body, but XML decoding is not enabled: ${XML_HOW_TO}` }
        : { ok: false, detail: NEITHER };
    }
    try {
      return { ok: true, value: plugin.decode(trimmed, route) };
    } catch {
      return { ok: false, detail: NEITHER };
    }
  }
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    return { ok: false, detail: NEITHER };
  }
}

function toIssues(issues: readonly { code: string; path: PropertyKey[]; message: string }[]) {
  return issues.map(
    (issue): SmsPartnerResponseIssue => ({ code: issue.code, path: [...issue.path], message: issue.message }),
  );
}

/**
 * Turns one answer into the endpoint's result or the error that explains it,
 * whatever the HTTP status: SMS Partner's verdict is the body's `success` and
 * `code`. The only place a body becomes a class.
 *
 * - `success: true` (or neither `success` nor `code`, as Add Bulk Contacts'
 *   report) and the endpoint's response schema → the parsed result (extra
 *   fields dropped).
 * - the error envelope with a code of the endpoint's catalogue → {@link SmsPartnerApiError}.
 * - anything else → {@link SmsPartnerResponseError}.
 */
export function readAnswer<Name extends EndpointName>(answer: Answer<Name>): EndpointResult<Name> {
  const { route, redactor } = answer;
  const fail = (
    problem: SmsPartnerResponseProblem,
    detail: string,
    body: unknown,
    issues: readonly SmsPartnerResponseIssue[],
  ): never => {
    throw new SmsPartnerResponseError({
      problem,
      detail,
      rawText: redactor.text(answer.text).slice(0, RAW_TEXT_LIMIT),
      body: redactor.value(body),
      issues: redactor.value(issues),
      request: answer.request(),
      response: answer.response(),
      endpoint: route.name,
    });
  };

  const parsed = parseBody(route, answer.text, answer.plugin);
  if (!parsed.ok) return fail('unparseable', parsed.detail, undefined, []);
  const body = parsed.value;

  // A body with neither `success` nor `code` is a success where the endpoint's success has
  // neither (Add Bulk Contacts' bare report): the response schema decides, else it is judged below.
  if (isRecord(body) && body.success === undefined && body.code === undefined) {
    const result = route.response.safeParse(body);
    if (result.success) return result.data as EndpointResult<Name>;
  }

  if (isRecord(body) && body.success === true) {
    const result = route.response.safeParse(body);
    if (result.success) return result.data as EndpointResult<Name>;
    return fail(
      'unexpected-shape',
      `not the ${route.name} success shape`,
      body,
      toIssues(result.error.issues),
    );
  }

  const envelope = errorEnvelope.safeParse(body);
  if (!envelope.success) {
    return fail(
      'unexpected-shape',
      'neither a success body nor an error envelope',
      body,
      toIssues(envelope.error.issues),
    );
  }
  const { code, message, errors } = normalizeError(envelope.data);
  const catalogue: Readonly<Record<number, { message: string } | undefined>> = route.codes;
  const known = catalogue[code];
  if (!Object.hasOwn(catalogue, code) || known === undefined) {
    return fail('unknown-code', `code ${code}, which ${route.name} does not document`, body, []);
  }
  throw new SmsPartnerApiError({
    code,
    errors: redactor.value(errors),
    body: redactor.value(envelope.data),
    request: answer.request(),
    response: answer.response(),
    endpoint: route.name,
    apiMessage: redactor.text(message ?? (errors.length > 0 ? '' : known.message)) || undefined,
  });
}

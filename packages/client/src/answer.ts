import {
  decodeXml,
  type EndpointName,
  type Endpoints,
  entriesToJson,
  errorEnvelope,
  normalizeError,
  validationIssue,
  type XmlEntry,
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
import type { Redactor } from './redact.js';

/**
 * The parsed success body of an endpoint: the output of its registry
 * response schema (`SendSmsResponse`, `CancelSmsResponse`).
 */
export type EndpointResult<Name extends EndpointName> = ReturnType<Endpoints[Name]['response']['parse']>;

/** Everything needed to judge one answer. */
export interface Answer<Name extends EndpointName> {
  readonly name: Name;
  readonly endpoint: Endpoints[Name];
  readonly text: string;
  readonly request: SmsPartnerRequestInfo;
  readonly response: SmsPartnerResponseInfo;
  readonly redactor: Redactor;
}

type Parsed = { ok: true; value: unknown } | { ok: false; detail: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a body as SMS Partner XML when it starts with `<`, as JSON otherwise.
 * The body decides, not the `format` option: a proxy or an error page may
 * answer in the other format, and both decode to the same JSON shape.
 */
function parseBody(endpoint: Endpoints[EndpointName], text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, detail: 'empty body' };
  if (trimmed.startsWith('<')) {
    let entries: XmlEntry[];
    try {
      entries = decodeXml(trimmed);
    } catch {
      return { ok: false, detail: 'body is neither JSON nor SMS Partner XML' };
    }
    return { ok: true, value: xmlToJson(endpoint, entries) };
  }
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    return { ok: false, detail: 'body is neither JSON nor SMS Partner XML' };
  }
}

/**
 * Gives XML entries their JSON keys. A success body follows the endpoint's
 * response schema (declared in wire order). An error body is positional:
 * `success`, `code`, then either the message (text) or the code-9 list
 * (nested entries of `elementId`, `message`), which the error envelope's key
 * order cannot express, so it is rebuilt here.
 */
function xmlToJson(endpoint: Endpoints[EndpointName], entries: XmlEntry[]): unknown {
  const [success, code, ...rest] = entries;
  if (success === true || success === 'true') return entriesToJson(endpoint.response, entries);
  const body: Record<string, unknown> = {
    success: success === 'false' ? false : success,
    code: typeof code === 'string' && /^\d+$/.test(code.trim()) ? Number(code) : code,
  };
  for (const entry of rest) {
    if (Array.isArray(entry)) {
      body.errors = entry.map((item) => entriesToJson(validationIssue, item));
    } else if (body.message === undefined) {
      body.message = String(entry);
    }
  }
  return body;
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
 * - `success: true` and the endpoint's response schema → the parsed result
 *   (extra fields dropped).
 * - the error envelope with a code of the endpoint's catalogue → {@link SmsPartnerApiError}.
 * - anything else → {@link SmsPartnerResponseError}.
 */
export function readAnswer<Name extends EndpointName>(answer: Answer<Name>): EndpointResult<Name> {
  const { endpoint, redactor } = answer;
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
      request: answer.request,
      response: answer.response,
      endpoint: answer.name,
    });
  };

  const parsed = parseBody(endpoint, answer.text);
  if (!parsed.ok) return fail('unparseable', parsed.detail, undefined, []);
  const body = parsed.value;

  if (isRecord(body) && body.success === true) {
    const result = endpoint.response.safeParse(body);
    if (result.success) return result.data as EndpointResult<Name>;
    return fail(
      'unexpected-shape',
      `not the ${answer.name} success shape`,
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
  const catalogue: Readonly<Record<number, { message: string } | undefined>> = endpoint.codes;
  const known = catalogue[code];
  if (!Object.hasOwn(catalogue, code) || known === undefined) {
    return fail('unknown-code', `code ${code}, which ${answer.name} does not document`, body, []);
  }
  throw new SmsPartnerApiError({
    code,
    errors: redactor.value(errors),
    body: redactor.value(envelope.data),
    request: answer.request,
    response: answer.response,
    endpoint: answer.name,
    apiMessage: redactor.text(message ?? (errors.length > 0 ? '' : known.message)) || undefined,
  });
}

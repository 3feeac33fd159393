import type * as z from 'zod/mini';
import type { CodeCatalogue } from './codes.js';
import { elementIdFor, type ValidationIssue } from './envelope.js';

/** The methods the API uses. DELETE carries a JSON body, as the sub-account page shows. */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** A path under the API root, e.g. `/v1/message-cancel`. */
export type ApiPath = `/v1/${string}`;

/**
 * How an issue on one request field becomes a control code. A field (or a
 * case) without a code here is an item of the code-9 validation list. The
 * field is a top-level name (`groupId`), or a dotted path into a nested object
 * (`parameters.isBuyer`) where the API gives a nested field a code of its own.
 */
export interface FieldCodes<Code extends number> {
  /** The field is absent or empty. */
  readonly missing?: Code;
  /** The field is present but breaks its schema. */
  readonly invalid?: Code;
  /** A code per zod issue code (e.g. `not_multiple_of`), checked before `invalid`. */
  readonly byIssue?: { readonly [issueCode: string]: Code };
  /**
   * For a list of records (`SMSStatut_List`): the codes of its items' fields.
   * An issue inside item `i`'s field `f` is decided by `items[f]` (its
   * `missing` code when the item lacks `f`), before the list's own codes.
   */
  readonly items?: { readonly [itemField: string]: Omit<FieldCodes<Code>, 'items'> };
}

/**
 * The light part of an endpoint: what a client needs to call it and to judge
 * its answer (name, method, path, success schema, control codes), without the
 * request schema and the docs/contract material of the registry entry. Each
 * route is a module of its own (`endpoints/<family>/<endpoint>/route.ts`), so
 * a bundle that imports one route holds neither the others nor any request
 * schema.
 */
export interface EndpointRoute<
  Name extends string = string,
  Method extends HttpMethod = HttpMethod,
  Response extends z.ZodMiniObject = z.ZodMiniObject,
  Codes extends CodeCatalogue = CodeCatalogue,
> {
  /** The registry key (camelCase): errors and logs name the endpoint with it. */
  readonly name: Name;
  readonly method: Method;
  /** Path under the API root, e.g. `/v1/message-cancel`. */
  readonly path: ApiPath;
  /**
   * The page documents `_format=xml` (the request schema has `_format`): the
   * client asks for XML only here; elsewhere the API answers JSON whatever
   * is asked, and strict mode refuses an undocumented `_format`.
   */
  readonly xml?: true;
  /** The success body; its shape is declared in wire order (the XML entry order). */
  readonly response: Response;
  /** Every control code this endpoint can answer besides its success code. */
  readonly codes: Codes;
}

/** Declares a route, keeping its literal types. */
export function defineRoute<
  const Name extends string,
  const Method extends HttpMethod,
  Response extends z.ZodMiniObject,
  const Codes extends CodeCatalogue,
>(route: EndpointRoute<Name, Method, Response, Codes>): EndpointRoute<Name, Method, Response, Codes> {
  return route;
}

/**
 * One endpoint of the API, as every package sees it: its route (spread from
 * the endpoint's `…Route`, the one definition of name, method, path, response
 * and codes) plus the request schema and what the mock and the contracts
 * need. The client derives its method types from it, the mock validates with
 * the same request schema and answers with codes from the same catalogue, the
 * contract tests take their method, path, examples and provider-state names
 * from it.
 */
export interface EndpointDefinition<
  Name extends string = string,
  Method extends HttpMethod = HttpMethod,
  Request extends z.ZodMiniType = z.ZodMiniType,
  Response extends z.ZodMiniObject = z.ZodMiniObject,
  Codes extends CodeCatalogue = CodeCatalogue,
  State extends string = string,
> extends EndpointRoute<Name, Method, Response, Codes> {
  readonly summary: string;
  /** Parameters as they travel: the query string of a GET, the JSON body of a POST or DELETE. */
  readonly request: Request;
  /**
   * The key checks, which come before anything else: the code for a missing
   * key and the code for a key no account has. Default `{ missing: 1, unknown: 10 }`.
   */
  readonly auth?: { readonly missing: keyof Codes & number; readonly unknown: keyof Codes & number };
  /**
   * Fields whose schema issues have a code of their own, in the order they are
   * checked. An issue on any other field is a code-9 validation failure.
   */
  readonly fieldCodes: { readonly [field: string]: FieldCodes<keyof Codes & number> };
  /**
   * The order the API lists code-9 items in, by field; fields not listed
   * follow in the order they were found. Recorded traffic lists the send
   * family's as message, phoneNumbers, sender, scheduledDeliveryDate, minute, time.
   */
  readonly validationOrder?: readonly string[];
  /**
   * Where the docs disagree on how the endpoint is reached, the other methods
   * and paths the mock also answers on (the client uses `method` and `path`).
   */
  readonly alsoAnswers?: { readonly methods?: readonly HttpMethod[]; readonly paths?: readonly ApiPath[] };
  /**
   * Where another entry answers on the same method and path, the request field
   * whose presence makes a request this entry's: Add Bulk Contacts is
   * `POST /v1/contact/add` with `contactsList` instead of `contact`. The other
   * entry (the one without `selectedBy`) is the route's own.
   */
  readonly selectedBy?: string;
  /**
   * The code for a request the schema refuses on a field without a code of its
   * own, and for an undocumented field in strict mode, on an endpoint whose
   * code 9 is not the validation list (sub-account creation: 9 is "balance
   * must be greater than 0"). Absent: the code-9 validation list.
   */
  readonly fallbackCode?: keyof Codes & number;
  /**
   * Object fields whose inner fields are code-9 items of their own, named as
   * children of the field (`children[contact].children[firstname].data`): the
   * project's reading for the contact pages, which give no code-9 list. Every
   * other field is one item named `children[<field>].data`, whatever is wrong
   * inside it, as the send family documents (send.md) and the RCS page
   * inherits (rcs.md: the send-family codes).
   */
  readonly childElementIds?: readonly string[];
  /** Object-valued keys whose XML keeps element names inside their entry (the credits `user` block). */
  readonly xmlNamedKeys?: readonly string[];
  /**
   * Dotted paths of JSON-only fields that the XML answer leaves out: aliases the
   * mock adds to JSON for published clients (`credits.creditSmsLowCost`), which
   * would otherwise become extra positional `<entry>` elements that the XML pages do not have.
   */
  readonly xmlOmit?: readonly string[];
  /**
   * A documented limit of requests per minute (the number verification pages:
   * 360). The mock counts each account's requests to the endpoint on its clock
   * and answers code 429, with its catalogue's HTTP status, over it; the
   * catalogue must hold 429 (`rateLimitCodes`).
   */
  readonly rateLimit?: { readonly perMinute: number };
  /**
   * Whether code 9 is this endpoint's validation list (`error: [{elementId,
   * message}]`), as it is by default wherever the catalogue holds 9. False
   * where 9 means something else (call forwarding: an invalid e-mail; contact
   * targeting: minAge required): then every request field that can fail must
   * have a code of its own, and strict mode only reports undocumented fields.
   */
  readonly validationList?: boolean;
  /**
   * The `code` a success body carries: 200 by default; another number where
   * the docs show one (call forwarding answers 2); `null` where the success
   * body has no `code` at all (contact targeting). See {@link successCodeOf}.
   */
  readonly successCode?: number | null;
  /** Names of the provider states the contract tests use with this endpoint. */
  readonly states: readonly State[];
  /** A request and its success answer, for docs and contracts. */
  readonly example: { readonly request: z.input<Request>; readonly response: z.output<Response> };
}

/** Any endpoint, whatever its literal types: what code that walks the registry takes. */
// biome-ignore lint/suspicious/noExplicitAny: the parameters are invariant (keyof), so only `any` accepts every entry
export type AnyEndpoint = EndpointDefinition<any, any, any, any, any, any>;

/** Any route, whatever its literal types. */
// biome-ignore lint/suspicious/noExplicitAny: as AnyEndpoint
export type AnyRoute = EndpointRoute<any, any, any, any>;

/**
 * Declares an endpoint from its route and its request side, keeping the
 * literal types of both: `defineEndpoint(cancelSmsRoute, { request, … })`.
 */
export function defineEndpoint<
  const Name extends string,
  const Method extends HttpMethod,
  Request extends z.ZodMiniType,
  Response extends z.ZodMiniObject,
  const Codes extends CodeCatalogue,
  const State extends string,
>(
  route: EndpointRoute<Name, Method, Response, Codes>,
  definition: Omit<EndpointDefinition<Name, Method, Request, Response, Codes, State>, keyof EndpointRoute>,
): EndpointDefinition<Name, Method, Request, Response, Codes, State> {
  return { ...route, ...definition };
}

/**
 * The top-level fields of an endpoint's request schema, read through its
 * pipes and checks (an object schema wrapped by `.check(…)` or a pipe): what
 * the endpoint documents.
 */
export function requestShapeOf(endpoint: AnyEndpoint): Readonly<Record<string, unknown>> {
  let schema: unknown = endpoint.request;
  for (let depth = 0; depth < 10 && schema; depth++) {
    const def = (schema as { _zod?: { def?: { shape?: Record<string, unknown>; in?: unknown } } })._zod?.def;
    if (def?.shape) return def.shape;
    schema = def?.in;
  }
  return {};
}

/** The `code` of an endpoint's success body: 200, its own (2), or null when the body has none. */
export function successCodeOf(endpoint: AnyEndpoint): number | null {
  return endpoint.successCode === undefined ? 200 : endpoint.successCode;
}

/** The key codes of an endpoint: its own, or 1 (missing) and 10 (unknown). */
export function authOf(endpoint: AnyEndpoint): { missing: number; unknown: number } {
  return endpoint.auth ?? { missing: 1, unknown: 10 };
}

/** A control-code answer decided from request-schema issues. */
export interface RequestRejection {
  code: number;
  message: string;
  /** The per-field list of a code-9 answer. */
  errors?: ValidationIssue[];
}

/** The segments of a field of `fieldCodes`: `parameters.isBuyer` → `['parameters', 'isBuyer']`. */
export function fieldPath(field: string): string[] {
  return field.split('.');
}

function valueAt(raw: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = raw;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function isUnder(issue: z.core.$ZodIssue, path: readonly string[]): boolean {
  return path.every((segment, index) => String(issue.path[index] ?? '') === segment);
}

/**
 * Turns request-schema issues into the answer SMS Partner gives: the first
 * field of `fieldCodes` (in declared order) that has an issue (on itself or
 * inside it) decides the code; otherwise the endpoint's `fallbackCode`, or
 * every issue becomes an item of a code-9 list, one per field (a field inside
 * one of `childElementIds` is named `children[contact].children[firstname].data`). `raw` is the request
 * as received, to tell a missing field from a bad one.
 */
export function rejectRequest(
  endpoint: AnyEndpoint,
  issues: readonly z.core.$ZodIssue[],
  raw: Record<string, unknown>,
): RequestRejection {
  const absent = (value: unknown) => value === undefined || value === null || value === '';
  const decide = (
    codes: Omit<FieldCodes<number>, 'items'>,
    value: unknown,
    found: readonly z.core.$ZodIssue[],
  ) =>
    absent(value)
      ? codes.missing
      : (found.map((issue) => codes.byIssue?.[issue.code]).find((code) => code !== undefined) ??
        codes.invalid);
  for (const [field, codes] of Object.entries(endpoint.fieldCodes) as [string, FieldCodes<number>][]) {
    const path = fieldPath(field);
    const fieldIssues = issues.filter((issue) => isUnder(issue, path));
    if (fieldIssues.length === 0) continue;
    const value = valueAt(raw, path);
    let code: number | undefined;
    if (codes.items && Array.isArray(value)) {
      // The first item issue on a field with codes of its own decides (items in order).
      for (const issue of fieldIssues) {
        const [index, itemField] = issue.path.slice(path.length);
        const itemCodes = typeof itemField === 'string' ? codes.items[itemField] : undefined;
        if (typeof index !== 'number' || !itemCodes) continue;
        const item = value[index];
        const itemValue =
          typeof item === 'object' && item !== null
            ? (item as Record<string, unknown>)[itemField as string]
            : undefined;
        code = decide(itemCodes, itemValue, [issue]);
        if (code !== undefined) break;
      }
    }
    code ??= decide(codes, value, fieldIssues);
    if (code !== undefined) return { code, message: endpoint.codes[code]?.message ?? 'Invalid request' };
  }
  const fallback = endpoint.fallbackCode as number | undefined;
  if (fallback !== undefined) {
    return { code: fallback, message: endpoint.codes[fallback]?.message ?? 'Invalid request' };
  }
  const seen = new Set<string>();
  const errors: ValidationIssue[] = [];
  for (const issue of issues) {
    // A top-level field is one item whatever its issues; a field inside one of
    // `childElementIds` is an item of its own.
    const nested =
      issue.path.length > 1 &&
      typeof issue.path[1] === 'string' &&
      (endpoint.childElementIds?.includes(String(issue.path[0])) ?? false);
    const path = (nested ? issue.path : issue.path.slice(0, 1)).map(String);
    const [field = 'form', ...inner] = path;
    const key = [field, ...inner].join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ elementId: elementIdFor(field, ...inner), message: issue.message });
  }
  return { code: 9, message: endpoint.codes[9]?.message ?? 'Invalid request', errors };
}

import type * as z from 'zod/mini';
import type { CodeCatalogue } from '../codes.js';
import { elementIdFor, type ValidationIssue } from '../envelope.js';

/**
 * How an issue on one request field becomes a control code. A field (or a
 * case) without a code here is an item of the code-9 validation list.
 */
export interface FieldCodes<Code extends number> {
  /** The field is absent or empty. */
  readonly missing?: Code;
  /** The field is present but breaks its schema. */
  readonly invalid?: Code;
  /** A code per zod issue code (e.g. `not_multiple_of`), checked before `invalid`. */
  readonly byIssue?: { readonly [issueCode: string]: Code };
}

/**
 * The light part of an endpoint: what a client needs to call it and to judge
 * its answer (method, path, success schema, control codes), without the
 * request schema and the docs/contract material of the registry entry. Each
 * route lives in its own module (`src/routes/`), so a bundle that imports one
 * route holds neither the others nor any request schema.
 */
export interface EndpointRoute<
  Method extends 'GET' | 'POST' = 'GET' | 'POST',
  Response extends z.ZodMiniObject = z.ZodMiniObject,
  Codes extends CodeCatalogue = CodeCatalogue,
> {
  readonly method: Method;
  /** Path under the API root, e.g. `/v1/message-cancel`. */
  readonly path: `/v1/${string}`;
  /** The success body; its shape is declared in wire order (the XML entry order). */
  readonly response: Response;
  /** Every control code this endpoint can answer besides 200. */
  readonly codes: Codes;
}

/** Declares a route, keeping its literal types. */
export function defineRoute<
  const Method extends 'GET' | 'POST',
  Response extends z.ZodMiniObject,
  const Codes extends CodeCatalogue,
>(route: EndpointRoute<Method, Response, Codes>): EndpointRoute<Method, Response, Codes> {
  return route;
}

/**
 * One endpoint of the API, as every package sees it: its route (spread from
 * the endpoint's `…Route`, the one definition of method, path, response and
 * codes) plus the request schema and what the mock and the contracts need.
 * The client derives its method types from it, the mock validates with the
 * same request schema and answers with codes from the same catalogue, the
 * contract tests take their examples and provider-state names from it.
 */
export interface EndpointDefinition<
  Method extends 'GET' | 'POST' = 'GET' | 'POST',
  Request extends z.ZodMiniType = z.ZodMiniType,
  Response extends z.ZodMiniObject = z.ZodMiniObject,
  Codes extends CodeCatalogue = CodeCatalogue,
  State extends string = string,
> extends EndpointRoute<Method, Response, Codes> {
  readonly summary: string;
  /** Parameters as they travel: the query string of a GET, the JSON body of a POST. */
  readonly request: Request;
  /**
   * Fields whose schema issues have a code of their own, in the order they are
   * checked. An issue on any other field is a code-9 validation failure.
   */
  readonly fieldCodes: { readonly [field: string]: FieldCodes<keyof Codes & number> };
  /** Object-valued keys whose XML keeps element names inside their entry (the credits `user` block). */
  readonly xmlNamedKeys?: readonly string[];
  /** Names of the provider states the contract tests use with this endpoint. */
  readonly states: readonly State[];
  /** A request and its success answer, for docs and contracts. */
  readonly example: { readonly request: z.input<Request>; readonly response: z.output<Response> };
}

/** Any endpoint, whatever its literal types: what code that walks the registry takes. */
// biome-ignore lint/suspicious/noExplicitAny: the parameters are invariant (keyof), so only `any` accepts every entry
export type AnyEndpoint = EndpointDefinition<any, any, any, any, any>;

/** Declares an endpoint, keeping its literal types. */
export function defineEndpoint<
  const Method extends 'GET' | 'POST',
  Request extends z.ZodMiniType,
  Response extends z.ZodMiniObject,
  const Codes extends CodeCatalogue,
  const State extends string,
>(
  definition: EndpointDefinition<Method, Request, Response, Codes, State>,
): EndpointDefinition<Method, Request, Response, Codes, State> {
  return definition;
}

/** A control-code answer decided from request-schema issues. */
export interface RequestRejection {
  code: number;
  message: string;
  /** The per-field list of a code-9 answer. */
  errors?: ValidationIssue[];
}

/**
 * Turns request-schema issues into the answer SMS Partner gives: the first
 * field of `fieldCodes` (in declared order) that has an issue decides the code;
 * otherwise every issue becomes an item of a code-9 list, one per field.
 * `raw` is the request as received, to tell a missing field from a bad one.
 */
export function rejectRequest(
  endpoint: AnyEndpoint,
  issues: readonly z.core.$ZodIssue[],
  raw: Record<string, unknown>,
): RequestRejection {
  for (const [field, codes] of Object.entries(endpoint.fieldCodes) as [string, FieldCodes<number>][]) {
    const fieldIssues = issues.filter((issue) => String(issue.path[0] ?? '') === field);
    if (fieldIssues.length === 0) continue;
    const value = raw[field];
    const missing = value === undefined || value === null || value === '';
    const code = missing
      ? codes.missing
      : (fieldIssues.map((issue) => codes.byIssue?.[issue.code]).find((found) => found !== undefined) ??
        codes.invalid);
    if (code !== undefined) return { code, message: endpoint.codes[code]?.message ?? 'Invalid request' };
  }
  const seen = new Set<string>();
  const errors: ValidationIssue[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ elementId: elementIdFor(field), message: issue.message });
  }
  return { code: 9, message: endpoint.codes[9]?.message ?? 'Invalid request', errors };
}

import { type EndpointName, type RouteOf, routes } from '@smspartner-kit/schema';
import type { EndpointResult } from './answer.js';
import * as conversions from './endpoints/index.js';
import {
  createTransport,
  type SmsPartnerClientOptions,
  type SmsPartnerTransport,
  type WireParams,
} from './transport.js';

/** What a module of `./endpoints/` exports: one endpoint's call, from the client's input to its result. */
type EndpointFunction<Name extends EndpointName> = (
  transport: SmsPartnerTransport,
  input: never,
) => Promise<EndpointResult<Name>>;

type Conversions = typeof conversions;

/**
 * The endpoints whose input needs a conversion, by registry name. The type
 * makes an export of `./endpoints/` that is not named after a registry entry,
 * or that does not resolve with that entry's result, a compile error.
 */
const converted: { readonly [Name in EndpointName]?: EndpointFunction<Name> } & {
  readonly [Name in Exclude<keyof Conversions, EndpointName>]: never;
} = conversions;

/**
 * The input of one endpoint's client method: the input of its conversion
 * where `./endpoints/` has one, its wire parameters otherwise (the request
 * schema's fields, without `apiKey` and `_format`).
 */
export type EndpointInput<Name extends EndpointName> = Name extends keyof Conversions
  ? Parameters<Conversions[Name]>[1]
  : WireParams<Name>;

/** One method: the input may be left out when the endpoint takes no field. */
type EndpointMethod<Name extends EndpointName> =
  Record<string, never> extends EndpointInput<Name>
    ? (input?: EndpointInput<Name>) => Promise<EndpointResult<Name>>
    : (input: EndpointInput<Name>) => Promise<EndpointResult<Name>>;

/**
 * A client with one method per endpoint of the registry, typed as a mapped
 * type over its names: an entry added to the registry is a method, with its
 * input and result types, without any change here.
 */
export type SmsPartnerClient = { readonly [Name in EndpointName]: EndpointMethod<Name> };

/**
 * Creates a client for the SMS Partner API: one method per registry entry,
 * built from the schema's `routes`. An endpoint with a conversion in
 * `./endpoints/` calls it; any other sends its input as its wire parameters
 * (query string of a GET, JSON body otherwise). Throws `SmsPartnerConfigError`
 * when the options cannot work, e.g. an `apiKey` in a browser without
 * `dangerouslyAllowApiKeyInBrowser`.
 *
 * @example
 * ```ts
 * import { createSmsPartnerClient } from '@smspartner-kit/client';
 *
 * const sms = createSmsPartnerClient({ baseUrl: 'http://127.0.0.1:4010', apiKey: 'test-funded-key' });
 * // `sms` has one method per registry entry, named as the entry (the README lists them).
 * ```
 */
export function createSmsPartnerClient(options: SmsPartnerClientOptions = {}): SmsPartnerClient {
  const transport = createTransport(options);
  const methods: Record<string, (input?: never) => Promise<unknown>> = {};
  for (const route of Object.values(routes) as RouteOf<EndpointName>[]) {
    const convert: EndpointFunction<EndpointName> | undefined = converted[route.name];
    methods[route.name] = convert
      ? (input) => convert(transport, input as never)
      : (input) => transport.call(route, input ?? {});
  }
  return Object.freeze(methods) as unknown as SmsPartnerClient;
}

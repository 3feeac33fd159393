import { type PactV4, XmlBuilder } from '@pact-foundation/pact';
import { type EndpointName, type Endpoints, endpoints } from '@smspartner-kit/schema';
import { expect } from 'vitest';
import type { EndpointResult, WireParams } from '../../src/index.ts';
import { boolean, decimal, failureBody, integer, JSON_TYPE, PACT_KEY, string, XML_TYPE } from './pact.ts';

/** An interaction with its request, waiting for its response (Pact does not export the type). */
type WithRequest = ReturnType<ReturnType<PactV4['addInteraction']>['withRequest']>;
/** What builds a response in `willRespondWith`. */
type ResponseBuilder = NonNullable<Parameters<WithRequest['willRespondWith']>[1]>;

/** A provider state an endpoint's registry entry declares. */
export type StateOf<Name extends EndpointName> = Endpoints[Name]['states'][number];

/** A control code of an endpoint's catalogue. */
export type CodeOf<Name extends EndpointName> = keyof Endpoints[Name]['codes'] & number;

/** One interaction's request side; the method and the path are the registry entry's. */
export interface InteractionSpec<Name extends EndpointName> {
  /** The pact's description of the interaction. */
  readonly description: string;
  /**
   * A state of the entry's `states`, and its parameters; `apiKey` is the pact
   * account's unless the parameters name another. None: no state at all.
   */
  readonly given?: readonly [state: StateOf<Name>, params?: Record<string, unknown>];
  /**
   * The wire parameters besides `apiKey` (query string of a GET, JSON body
   * otherwise). Default: the entry's example request.
   */
  readonly params?: object;
  /** The key the request carries: the pact account's by default; `undefined` for none. */
  readonly apiKey?: string | undefined;
  /** Request headers the interaction asks for. */
  readonly headers?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An example value as Pact matchers: `success` and `code` exact (they are the
 * verdict), every other value by its type (integer, decimal, string, boolean),
 * with the example as the value the consumer sees.
 */
export function byType(value: unknown, key?: string): unknown {
  if (key === 'success' || key === 'code') return value;
  if (Array.isArray(value)) return value.map((item) => byType(item));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byType(v, k)]));
  if (typeof value === 'number') return Number.isInteger(value) ? integer(value) : decimal(value);
  if (typeof value === 'string') return string(value);
  if (typeof value === 'boolean') return boolean(value);
  return value;
}

/** An XML element under construction (Pact does not export the type). */
type XmlElement = Parameters<Parameters<XmlBuilder['build']>[0]>[0];

/**
 * A JSON value as SMS Partner writes it in XML: `<result>`, one anonymous
 * `<entry>` per value in key order, lists and objects as nested entries,
 * except the keys the entry names in `xmlNamedKeys`, whose values keep their
 * element names. The texts are exact: a matcher would apply to every `<entry>`
 * at once, since they share one path.
 */
function xmlOf(value: Record<string, unknown>, namedKeys: readonly string[]): string {
  const append = (parent: XmlElement, item: unknown, name = 'entry', named = false): void => {
    if (Array.isArray(item) || isRecord(item)) {
      const children = Array.isArray(item)
        ? item.map((child) => ['entry', child] as const)
        : Object.entries(item);
      parent.appendElement(name, new Map(), (element) => {
        for (const [key, child] of children) append(element, child, named ? key : 'entry');
      });
    } else {
      parent.appendElement(name, new Map(), String(item));
    }
  };
  return new XmlBuilder('1.0', 'UTF-8', 'result').build((root) => {
    for (const [key, item] of Object.entries(value)) append(root, item, 'entry', namedKeys.includes(key));
  });
}

/**
 * The contract side of one registry entry: each interaction's method, path,
 * provider states and example come from `endpoints[name]`, so a pact test
 * spells only what its case is about.
 */
export function endpointContract<Name extends EndpointName>(name: Name) {
  const entry: Endpoints[EndpointName] = endpoints[name];
  const { apiKey: _key, ...example } = entry.example.request as Record<string, unknown>;
  const exampleParams = example as WireParams<Name>;
  const codes: Readonly<Record<number, { message: string }>> = entry.codes;

  /** Starts an interaction of `pact` with this endpoint's method and path. */
  const interaction = (pact: PactV4, spec: InteractionSpec<Name>): WithRequest => {
    let unconfigured = pact.addInteraction();
    if (spec.given) {
      const [state, stateParams] = spec.given;
      unconfigured = unconfigured.given(state, { apiKey: PACT_KEY, ...stateParams } as Record<
        string,
        string
      >);
    }
    const apiKey = 'apiKey' in spec ? spec.apiKey : PACT_KEY;
    const params = { ...(apiKey === undefined ? {} : { apiKey }), ...(spec.params ?? exampleParams) };
    return unconfigured.uponReceiving(spec.description).withRequest(entry.method, entry.path, (request) => {
      if (spec.headers) request.headers(spec.headers as Record<string, string>);
      if (entry.method !== 'GET') {
        request.jsonBody(params);
        return;
      }
      // Query values travel as strings; matchers (`fromProviderState`) as they are.
      const query = Object.entries(params).map(([key, value]) => [
        key,
        typeof value === 'number' ? String(value) : value,
      ]);
      request.query(Object.fromEntries(query) as Record<string, string>);
    });
  };

  /** The JSON failure answer of a catalogue code: the code exact, the (localised) message by type. */
  const failure = (code: CodeOf<Name>): ResponseBuilder => {
    const known = codes[code];
    if (!known) throw new Error(`${name} has no code ${code}`);
    return (response) => response.headers(JSON_TYPE).jsonBody(failureBody(code, known.message));
  };

  return {
    name,
    /** The example request's wire parameters, without its key. */
    exampleParams,
    /** The example success answer, matched by type (see {@link byType}). */
    exampleAnswer: byType(entry.example.response) as Record<string, unknown>,
    /** The example success answer as the client resolves it. */
    exampleResult: endpoints[name].response.parse(entry.example.response) as EndpointResult<Name>,
    interaction,
    failure,

    /** A JSON answer: by default the example success, by type; any other body as given. */
    answer(body: unknown = byType(entry.example.response)): ResponseBuilder {
      return (response) => response.headers(JSON_TYPE).jsonBody(body);
    },

    /** An XML answer: `value` written as SMS Partner does (see {@link xmlOf}), texts exact. */
    xmlAnswer(value: Record<string, unknown>): ResponseBuilder {
      const xml = xmlOf(value, entry.xmlNamedKeys ?? []);
      return (response) => response.headers(XML_TYPE).xmlBody(xml);
    },

    /**
     * An interaction answered with a catalogue code, and the client call that
     * must reject with it: an `SmsPartnerApiError` of that code whose message
     * does not hold the pact account's key.
     */
    async rejects(
      pact: PactV4,
      spec: InteractionSpec<Name>,
      code: CodeOf<Name>,
      call: (baseUrl: string) => Promise<unknown>,
    ): Promise<void> {
      await interaction(pact, spec)
        .willRespondWith(200, failure(code))
        .executeTest(async (server) => {
          await expect(call(server.url)).rejects.toMatchObject({
            name: 'SmsPartnerApiError',
            code,
            message: expect.not.stringContaining(PACT_KEY),
          });
        });
    },
  };
}

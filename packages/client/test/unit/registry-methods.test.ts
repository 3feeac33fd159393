import { type EndpointName, endpoints, routes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import * as conversions from '../../src/endpoints/index.ts';
import {
  API_KEY,
  BASE_URL,
  json,
  observedClient,
  observedTransport,
  type RecordedRequest,
  replies,
} from './helpers.ts';

/**
 * Methods come from the registry: these tests walk it, so an endpoint added to
 * the schema's registry is covered here without a line of client code or test.
 */
const names = Object.keys(routes) as EndpointName[];
const converted = new Set<string>(Object.keys(conversions));
const plain = names.filter((name) => !converted.has(name));

/**
 * An endpoint's documented example: the client's input (the example request
 * without its key), what it travels as with the test key (strings in a query
 * string), and the answer.
 */
function example(name: EndpointName) {
  const { method, example } = endpoints[name];
  const { apiKey: _key, ...params } = example.request as Record<string, unknown>;
  const wire = Object.entries({ apiKey: API_KEY, ...params }).map(([key, value]) => [
    key,
    method === 'GET' ? String(value) : value,
  ]);
  return { params, wire: Object.fromEntries(wire), response: example.response };
}

/** What a request carried: its query string (GET) or its JSON body. */
const sent = (name: EndpointName, request: RecordedRequest | undefined) =>
  endpoints[name].method === 'GET' ? request?.query : request?.json;

describe('methods from the registry', () => {
  test('the converted endpoints are registry names, and at least one endpoint needs no conversion', () => {
    expect([...converted].filter((name) => !names.includes(name as EndpointName))).toEqual([]);
    expect(plain.length).toBeGreaterThan(0);
  });

  test.each(plain)(
    '%s has no conversion: its method sends its input as its wire parameters',
    async (name) => {
      const { params, wire, response } = example(name);
      const { client, requests } = observedClient(replies(json(response)));
      const method = client[name] as (input: unknown) => Promise<unknown>;
      await expect(method(params)).resolves.toEqual(endpoints[name].response.parse(response));
      const { method: verb, path } = endpoints[name];
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({ method: verb, url: expect.stringMatching(`^${BASE_URL}${path}`) });
      expect(sent(name, requests[0])).toEqual(wire);
    },
  );

  test.each(names)("%s: the transport sends the registry example's wire parameters", async (name) => {
    const { params, wire, response } = example(name);
    const { transport, requests } = observedTransport(replies(json(response)));
    await expect(transport.call(routes[name], params as never)).resolves.toEqual(
      endpoints[name].response.parse(response),
    );
    expect(requests[0]?.method).toBe(endpoints[name].method);
    expect(sent(name, requests[0])).toEqual(wire);
  });

  test.each(names.filter((name) => endpoints[name].selectedBy !== undefined))(
    '%s shares its route with another entry: its method sends the field that selects it, and reads its own answer',
    async (name) => {
      const { selectedBy, method, path } = endpoints[name];
      const owner = names.find(
        (other) =>
          other !== name &&
          endpoints[other].method === method &&
          endpoints[other].path === path &&
          endpoints[other].selectedBy === undefined,
      );
      expect(owner, 'the entry that owns the route').toBeDefined();
      const { params, response } = example(name);
      const { client, requests } = observedClient(replies(json(response)));
      const call = client[name] as (input: unknown) => Promise<unknown>;
      await expect(call(params)).resolves.toEqual(endpoints[name].response.parse(response));
      expect(sent(name, requests[0])).toHaveProperty(selectedBy as string);
      // The owner's answer is not this entry's success.
      const other = example(owner as EndpointName).response;
      const { client: second } = observedClient(replies(json(other)));
      await expect((second[name] as (input: unknown) => Promise<unknown>)(params)).rejects.toMatchObject({
        problem: 'unexpected-shape',
      });
    },
  );

  test('a body with neither success nor code is a success only where the response schema takes it', async () => {
    const { client } = observedClient(replies(json({ groupe: { name: 'g', token: '1' } })));
    await expect(client.addBulkContacts(example('addBulkContacts').params as never)).rejects.toMatchObject({
      problem: 'unexpected-shape',
    });
    const { client: sms } = observedClient(replies(json({})));
    await expect(sms.getCredits()).rejects.toMatchObject({ problem: 'unexpected-shape' });
  });
});

import { createSmsPartnerClient, createTransport, type SmsPartnerClientOptions } from '../../src/index.ts';

/** One request as the injected fetch saw it. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** The query string as an object (a GET's parameters). */
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The JSON body of a POST, parsed; undefined for a GET. */
  json: unknown;
}

/** Answers the n-th request (0-based) with a Response, or throws like fetch does. */
export type Reply = (request: Request, attempt: number) => Response | Promise<Response>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const xml = (text: string, status = 200) =>
  new Response(text, { status, headers: { 'content-type': 'application/xml' } });

export const text = (body: string, status = 200, contentType = 'text/plain') =>
  new Response(body, { status, headers: { 'content-type': contentType } });

/** What fetch throws when the connection fails (Node's undici message; ky recognises it). */
export const networkFailure = () => new TypeError('fetch failed');

/** Replies in turn with each item; a function is called, an Error is thrown. */
export function replies(...items: (Response | Error | Reply)[]): Reply {
  return (request, attempt) => {
    const item = items[Math.min(attempt, items.length - 1)];
    if (item instanceof Error) throw item;
    if (typeof item === 'function') return item(request, attempt);
    if (!item) throw new Error(`no reply for attempt ${attempt}`);
    return item.clone();
  };
}

/** A fetch that records every request before replying; each test builds its own. */
export function observedFetch(reply: Reply) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const body = await request.clone().text();
    requests.push({
      method: request.method,
      url: request.url,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(request.headers),
      json: body === '' ? undefined : JSON.parse(body),
    });
    return reply(request, requests.length - 1);
  };
  return { fetch, requests };
}

/** Default test options: the mock's URL, a key, no retry waits, never a browser. */
export const BASE_URL = 'http://127.0.0.1:4010';
export const API_KEY = 'test-funded-key';

const defaults = (fetch: SmsPartnerClientOptions['fetch']): SmsPartnerClientOptions => ({
  baseUrl: BASE_URL,
  apiKey: API_KEY,
  fetch,
  retry: { delay: () => 0 },
  detectBrowser: () => false,
});

/**
 * A client whose fetch is its own recording function (openapi-fetch's
 * `createObservedClient`): no state is shared between tests.
 */
export function observedClient(reply: Reply, options: SmsPartnerClientOptions = {}) {
  const { fetch, requests } = observedFetch(reply);
  const client = createSmsPartnerClient({ ...defaults(fetch), ...options });
  return { client, requests };
}

/** The same, for the modular functions. */
export function observedTransport(reply: Reply, options: SmsPartnerClientOptions = {}) {
  const { fetch, requests } = observedFetch(reply);
  const transport = createTransport({ ...defaults(fetch), ...options });
  return { transport, requests };
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

import { afterAll, afterEach, beforeAll } from 'vitest';
import { type AppOptions, type RunningMock, startMockServer } from '../src/index.ts';

/** 09:00 in Paris (winter, UTC+1). */
export const T0 = Date.parse('2030-01-15T08:00:00Z');
export const FUNDED = 'test-funded-key';
export const EMPTY = 'test-empty-key';
export const MINUTE = 60_000;

/**
 * Starts one mock on port 0 for a test file, with its clock frozen at T0, and
 * resets it after every test. Every request line the mock logs is kept, so
 * tests can check that no apiKey is ever logged.
 */
export function useMock(options: AppOptions = {}) {
  const logs: string[] = [];
  const handle = {
    mock: undefined as unknown as RunningMock,
    logs,
    get url() {
      return handle.mock.url;
    },
    get store() {
      return handle.mock.store;
    },
  };
  beforeAll(async () => {
    handle.mock = await startMockServer({ log: (line) => logs.push(line), checkResponses: true, ...options });
    handle.mock.store.clock.set(T0);
  });
  afterEach(() => {
    handle.mock.store.reset();
    handle.mock.store.clock.set(T0);
  });
  afterAll(async () => {
    await handle.mock.close();
  });
  return handle;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: unknown;
  headers: Headers;
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json,
    headers: response.headers,
  };
}

export async function get(
  base: string,
  path: string,
  query: Record<string, string | number | undefined> = {},
) {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) url.searchParams.set(key, String(value));
  return read(await fetch(url));
}

export async function post(base: string, path: string, body: unknown, init: RequestInit = {}) {
  return read(
    await fetch(new URL(path, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
    }),
  );
}

/** Paris wall-clock fields for an instant (winter time, UTC+1, as T0 is in January). */
export function scheduleAt(epochMs: number) {
  const paris = new Date(epochMs + 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    scheduledDeliveryDate: `${pad(paris.getUTCDate())}/${pad(paris.getUTCMonth() + 1)}/${paris.getUTCFullYear()}`,
    time: paris.getUTCHours(),
    minute: paris.getUTCMinutes(),
  };
}

/** A DELETE with a JSON body, as Delete Sub-account sends it (and Delete Group's community header). */
export async function del(base: string, path: string, body: unknown) {
  return post(base, path, body, { method: 'DELETE' });
}

/** One request by method: a GET's parameters in its query string, the others' in a JSON body. */
export async function call(base: string, method: string, path: string, params: Record<string, unknown>) {
  if (method === 'GET') return get(base, path, params as Record<string, string | number | undefined>);
  return post(base, path, params, { method });
}

/** A contact's fields as the contact list and detail show them when none was given: every one "". */
export const EMPTY_CONTACT_FIELDS = {
  firstname: '',
  lastname: '',
  url: '',
  shortUrl: '',
  date: '',
  custom1: '',
  custom2: '',
  custom3: '',
  custom4: '',
} as const;

/** One request a {@link startReceiver} got. */
export interface Received {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A local webhook receiver on port 0: it records every request and answers
 * `answer(request, index)` (a status, or `'hang'` to never answer), 200 by
 * default. `close()` tears it down, hanging requests included.
 */
export async function startReceiver(
  answer: (request: Received, index: number) => number | 'hang' = () => 200,
) {
  const { createServer } = await import('node:http');
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const status = answer(request, received.length - 1);
      if (status === 'hang') return;
      res.statusCode = status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Moves the store's clock (through the admin API, as a test over HTTP would). */
export async function advance(base: string, ms: number, apiKey?: string) {
  return post(base, '/__mock/clock', { advanceBy: ms, ...(apiKey ? { apiKey } : {}) });
}

/** Waits until every webhook the clock has reached was attempted. */
export async function flush(base: string, apiKey?: string) {
  return post(base, '/__mock/webhooks/flush', apiKey ? { apiKey } : {});
}

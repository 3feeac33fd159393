import { gzipSync } from 'node:zlib';
import {
  type AnyEndpoint,
  CANCEL_SUCCESS_MESSAGE,
  cancelSmsCodes,
  decodeXml,
  endpoints,
} from '@smspartner-kit/schema';
import { build } from 'esbuild';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMockServer } from '../../src/index.ts';
import { createSmsPartnerHandlers, SMS_PARTNER_BASE_URL } from '../../src/msw/index.ts';
import { FUNDED, MINUTE, scheduleAt, T0 } from '../helpers.ts';

const API = SMS_PARTNER_BASE_URL;
const PROXY = 'http://localhost:5173/sms-api';
const { handlers, store } = createSmsPartnerHandlers({ baseUrl: [API, PROXY], checkResponses: true });
const server = setupServer(...handlers);

beforeAll(() =>
  server.listen({
    // The HTTP mock this file compares against listens on 127.0.0.1: anything else unhandled is an error.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  }),
);
afterEach(() => {
  store.reset();
  store.clock.set(T0);
});
afterAll(() => server.close());

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const schedule = (base = API, minutesAhead = 60) =>
  postJson(`${base}/v1/send`, {
    apiKey: FUNDED,
    phoneNumbers: '0600000000',
    message: 'Your code is 482913',
    ...scheduleAt(T0 + minutesAhead * MINUTE),
  });
const cancel = (messageId: number, base = API) =>
  fetch(`${base}/v1/message-cancel?apiKey=${FUNDED}&messageId=${messageId}`).then((response) =>
    response.json(),
  );

describe('createSmsPartnerHandlers in msw/node: the mock engine, no server', () => {
  beforeAll(() => store.clock.set(T0));

  test('schedule, then cancel once with a refund, then code 5: the store holds it all', async () => {
    const sent = await (await schedule()).json();
    expect(sent).toMatchObject({ success: true, code: 200, message_id: 1000, nb_sms: 1, cost: 0.038 });
    expect(store.account(FUNDED)?.credits).toBe(999);
    expect(await cancel(1000)).toEqual({ success: true, code: 200, message: CANCEL_SUCCESS_MESSAGE });
    expect(await cancel(1000)).toEqual({ success: false, code: 5, message: cancelSmsCodes[5].message });
    expect(store.account(FUNDED)?.credits).toBe(1000);
    expect(store.listMessages(FUNDED)?.map((message) => message.state)).toEqual(['cancelled']);
  });

  test('the five-minute rule follows the same clock: at 5:00 before the send, code 6', async () => {
    await schedule(API, 60);
    store.clock.advanceBy(55 * MINUTE);
    expect(await cancel(1000)).toMatchObject({ success: false, code: 6 });
    store.clock.advanceBy(10 * MINUTE);
    expect(await cancel(1000)).toMatchObject({ success: false, code: 7 });
  });

  test('a configurable base URL answers too, from the same store', async () => {
    expect(await (await schedule(PROXY)).json()).toMatchObject({ message_id: 1000 });
    expect(await cancel(1000, API)).toMatchObject({ success: true });
  });

  test('XML, form bodies with their warning, undocumented fields reported in headers', async () => {
    const xml = await fetch(`${API}/v1/me?apiKey=${FUNDED}&_format=xml&gamme=1`);
    expect(xml.headers.get('content-type')).toContain('application/xml');
    expect(xml.headers.get('x-mock-unknown-params')).toBe('gamme');
    expect(decodeXml(await xml.text())).toEqual(expect.arrayContaining([true, 200]));
    const form = await fetch(`${API}/v1/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `apiKey=${FUNDED}&phoneNumbers=0600000000&message=hi`,
    });
    expect(form.headers.get('x-mock-warning')).toMatch(/form fields/);
    expect(await form.json()).toMatchObject({ success: true });
  });

  test('unknown paths answer 404 with the endpoint list, wrong methods 405, bad JSON 90', async () => {
    const unknown = await fetch(`${API}/v1/mesage-cancel?apiKey=${FUNDED}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      code: 404,
      message: expect.stringContaining('Did you mean GET /v1/message-cancel?'),
    });
    const wrong = await fetch(`${API}/v1/send`);
    expect([wrong.status, (await wrong.json()).code]).toEqual([405, 405]);
    const broken = await fetch(`${API}/v1/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"apiKey":',
    });
    expect([broken.status, (await broken.json()).code]).toEqual([400, 90]);
  });

  test('injected faults: a code, a bare 503 with Retry-After, a delay, a network error', async () => {
    const account = store.account(FUNDED);
    account?.faults.add({ endpoint: 'sendSms', code: 14 });
    expect(await (await schedule()).json()).toMatchObject({ success: false, code: 14 });
    account?.faults.add({ endpoint: 'getCredits', httpStatus: 503 });
    const unavailable = await fetch(`${API}/v1/me?apiKey=${FUNDED}`);
    expect([unavailable.status, unavailable.headers.get('retry-after'), await unavailable.text()]).toEqual([
      503,
      '1',
      '',
    ]);
    account?.faults.add({ endpoint: 'getCredits', latencyMs: 150 });
    const started = performance.now();
    expect((await fetch(`${API}/v1/me?apiKey=${FUNDED}`)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    account?.faults.add({ endpoint: 'sendSms', drop: true });
    await expect(schedule()).rejects.toThrow(/Failed to fetch/);
    expect(store.listMessages(FUNDED)).toEqual([]);
  });

  test('the journal records MSW traffic like HTTP traffic, keys redacted', async () => {
    await fetch(`${API}/v1/me?apiKey=${FUNDED}`);
    const { requests } = store.journal.query({ limit: 10 }, { url: (raw) => raw, text: (raw) => raw });
    expect(requests[0]).toMatchObject({ method: 'GET', endpoint: 'getCredits', status: 200, code: 200 });
  });

  test('no answer carries a key, not even a code-9 echo of it', async () => {
    const answer = await postJson(`${API}/v1/send`, {
      apiKey: FUNDED,
      phoneNumbers: FUNDED,
      message: 'x',
    });
    const text = await answer.text();
    expect(text).toContain('REDACTED');
    expect(text).not.toContain(FUNDED);
  });
});

describe('the same bytes as the HTTP mock', () => {
  let http: RunningMock;
  beforeAll(async () => {
    http = await startMockServer({ checkResponses: true });
  });
  afterAll(() => http.close());

  const compare = async (path: string, init?: RequestInit) => {
    http.store.reset();
    http.store.clock.set(T0);
    store.reset();
    store.clock.set(T0);
    const [viaHttp, viaMsw] = await Promise.all([
      fetch(`${http.url}${path}`, init),
      fetch(`${API}${path}`, init),
    ]);
    const read = async (response: Response) => ({
      status: response.status,
      type: response.headers.get('content-type'),
      unknown: response.headers.get('x-mock-unknown-params'),
      body: await response.text(),
    });
    expect(await read(viaMsw)).toEqual(await read(viaHttp));
  };

  test.each(Object.values(endpoints) as AnyEndpoint[])(
    '$name: its registry example, and a request without a key',
    async (endpoint) => {
      const params = { ...(endpoint.example.request as Record<string, unknown>), apiKey: FUNDED };
      const asQuery = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]));
      if (endpoint.method === 'GET') {
        await compare(`${endpoint.path}?${asQuery}`);
        await compare(`${endpoint.path}?_format=xml`);
      } else {
        const init = (body: unknown) => ({
          method: endpoint.method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await compare(endpoint.path, init({ ...params, extra: 1 }));
        await compare(endpoint.path, init({}));
      }
    },
  );

  test.each(
    (Object.values(endpoints) as AnyEndpoint[]).filter(
      (endpoint) => endpoint.method !== 'GET' && endpoint.alsoAnswers?.methods?.includes('GET'),
    ),
  )('$name by GET, as its page also shows it: lists and objects travel as JSON text', async (endpoint) => {
    const params = { ...(endpoint.example.request as Record<string, unknown>), apiKey: FUNDED };
    const asQuery = new URLSearchParams(
      Object.entries(params).map(([key, value]) => [
        key,
        typeof value === 'object' ? JSON.stringify(value) : String(value),
      ]),
    );
    await compare(`${endpoint.path}?${asQuery}`);
  });
});

describe('the MSW entry bundles for browsers without Express or Node built-ins', () => {
  test('esbuild, platform browser, msw left to the app: no express, no node:, its size in bounds', async () => {
    const result = await build({
      entryPoints: [new URL('../../src/msw/index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      minify: true,
      conditions: ['@smspartner-kit/source'],
      external: ['msw'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.filter((input) => /node_modules\/(express|body-parser|router)\/|^node:/.test(input)),
    ).toEqual([]);
    expect(inputs.some((input) => input.endsWith('src/core/dispatch.ts'))).toBe(true);
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
    const gzipped = gzipSync(bytes).length;
    // When written: 203 KB minified, 58 KB gzipped, most of it libphonenumber-js's metadata.
    // Measured after issues 10 and 11 (contacts, groups, sub-accounts, verification, call
    // forwarding, rental, RCS): 422 KB minified, 118 KB gzipped. About 40 KB of the growth
    // (156 KB minified) is libphonenumber-js's full metadata, which POST /v1/lookup needs for
    // number types (packages/schema/src/rules/lookup.ts); the other 20 KB are the new
    // endpoints' schemas, handlers and state. No Express, no node: module among them (above).
    expect(gzipped).toBeLessThan(130_000);
    console.info(
      `MSW entry: ${(bytes.length / 1000).toFixed(1)} KB min, ${(gzipped / 1000).toFixed(1)} KB min+gz`,
    );
  });
});

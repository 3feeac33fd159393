import { createServer, type RequestListener, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, test } from 'vitest';
import { createApp } from '../../src/index.ts';

// MockApp.app is a plain Node request listener: Express is how the mock is
// built, not part of its public types (a consumer needs no @types/express).
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(listener: RequestListener): Promise<string> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('createApp().app, a request listener', () => {
  test('serves the API from http.createServer', async () => {
    const url = await listen(createApp().app);
    const answer = await fetch(`${url}/v1/message-cancel?apiKey=test-funded-key&messageId=1`);
    expect(await answer.json()).toEqual({ success: false, code: 4, message: 'Message not found' });
  });

  test('mounts under a path of an Express app of yours', async () => {
    const outer = express();
    outer.use('/sms-partner', createApp().app);
    const url = await listen(outer);
    const answer = await fetch(`${url}/sms-partner/v1/message-cancel?apiKey=test-funded-key&messageId=1`);
    expect(await answer.json()).toMatchObject({ success: false, code: 4 });
  });
});

/** Sends one raw HTTP/1.1 request (its request line exactly as given) and reads the answer. */
async function rawRequest(
  url: string,
  target: string,
  {
    method = 'GET',
    headers = {},
    body = '',
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { port, hostname } = new URL(url);
  const socket = connect(Number(port), hostname);
  const head = Object.entries({ Host: `${hostname}:${port}`, Connection: 'close', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const length = body === '' ? '' : `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  socket.end(`${method} ${target} HTTP/1.1\r\n${head}${length}\r\n${body}`);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const [top = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = top.split('\r\n');
  const parsed: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    if (name !== 'date') parsed[name] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers: parsed, body: rest.join('\r\n\r\n') };
}

// API routes are answered by the listener itself (no Express on the hot path);
// a request line Express would parse otherwise (absolute form, a fragment) goes
// through Express to the same route table. Both must answer byte for byte alike.
describe('the API fast path and the Express path answer alike', () => {
  const SEND = JSON.stringify({ apiKey: 'test-funded-key', phoneNumbers: '0600000000', message: 'Hi' });
  const cases: [label: string, options: Parameters<typeof rawRequest>[2], path: string][] = [
    ['a cancel', {}, '/v1/message-cancel?apiKey=test-funded-key&messageId=1000'],
    ['an XML cancel', {}, '/v1/message-cancel?apiKey=test-funded-key&messageId=1000&_format=xml'],
    ['a send', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: SEND }, '/v1/send'],
    [
      'a send with the key in the query and a form content type',
      { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: SEND },
      '/v1/send?_format=xml',
    ],
    ['a HEAD', { method: 'HEAD' }, '/v1/message-cancel?apiKey=test-funded-key&messageId=1000'],
    ['a wrong method', { method: 'PUT' }, '/V1/Send/'],
    ['a CORS request', { headers: { Origin: 'http://localhost:5173' } }, '/v1/me?apiKey=test-funded-key'],
    [
      'a preflight',
      {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
      },
      '/v1/send',
    ],
    ['a foreign Host', { headers: { Host: 'rebind.evil.example' } }, '/v1/me?apiKey=test-funded-key'],
  ];
  test.each(cases)('%s', async (_label, options, path) => {
    const fast = await listen(createApp().app);
    const viaExpress = await listen(createApp().app);
    const direct = await rawRequest(fast, path, options);
    const absolute = await rawRequest(viaExpress, `${viaExpress}${path}`, options);
    expect(direct.status).toBeGreaterThan(0);
    expect(absolute).toEqual(direct);
  });

  test('a fragment or an absolute URL still reaches the route, through Express', async () => {
    const url = await listen(createApp().app);
    const fragment = await rawRequest(url, '/v1/message-cancel?apiKey=test-funded-key&messageId=1#top');
    expect(JSON.parse(fragment.body)).toEqual({ success: false, code: 4, message: 'Message not found' });
  });

  test('an unforeseen error answers a clean 500 on both paths, logged without the key', async () => {
    const lines: string[] = [];
    const mock = createApp({ log: (line) => lines.push(line) });
    mock.store.account = () => {
      throw new TypeError('boom');
    };
    const url = await listen(mock.app);
    const path = '/v1/message-cancel?apiKey=test-funded-key&messageId=1';
    for (const target of [path, `${url}${path}`]) {
      const answer = await rawRequest(url, target);
      expect(answer.status).toBe(500);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(answer.body)).toEqual({ success: false, code: 500, message: 'Internal mock error' });
    }
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(
        /^GET .*message-cancel\?apiKey=REDACTED&messageId=1 -> internal error: TypeError$/,
      );
      expect(line).not.toContain('test-funded-key');
    }
  });

  test('the journal times and records what the fast path answered', async () => {
    const mock = createApp();
    const url = await listen(mock.app);
    await fetch(`${url}/v1/message-cancel?apiKey=test-funded-key&messageId=1`);
    const journal = (await (await fetch(`${url}/__mock/requests`)).json()) as {
      requests: { url: string; code: number; durationMs: number }[];
    };
    expect(journal.requests).toMatchObject([
      { url: '/v1/message-cancel?apiKey=REDACTED&messageId=1', code: 4 },
    ]);
    expect(journal.requests[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });
});

import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { startMockServer } from '../../apps/mock-server/dist/index.js';

// The fidelity check, tested against the mock as the stand-in for SMS Partner
// (this machine cannot reach the real API), and against a recording server for
// what it sends.
const SCRIPT = fileURLToPath(new URL('../fidelity.mjs', import.meta.url));
const execute = promisify(execFile);
const closers = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function fidelity(env) {
  try {
    const { stdout } = await execute(process.execPath, [SCRIPT], { env: { PATH: process.env.PATH, ...env } });
    return { code: 0, stdout };
  } catch (error) {
    return { code: error.code, stdout: error.stdout };
  }
}

describe('pnpm fidelity', () => {
  test('without SMSPARTNER_API_KEY it says it is skipped, and exits 0', async () => {
    const { code, stdout } = await fidelity({});
    expect(code).toBe(0);
    expect(stdout).toMatch(/^fidelity: skipped: SMSPARTNER_API_KEY is not set/);
  });

  test('against the mock as a stand-in, every replayed interaction matches its pact; the key is never printed', async () => {
    const mock = await startMockServer();
    closers.push(() => mock.close());
    const { code, stdout } = await fidelity({
      SMSPARTNER_API_KEY: 'test-funded-key',
      SMSPARTNER_BASE_URL: mock.url,
    });
    expect(stdout).toMatch(/fidelity: \d+ same, 0 differ, \d+ skipped, 0 could not run/);
    expect(Number(/(\d+) same/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(20);
    expect(code).toBe(0);
    expect(stdout).toMatch(/skip {4}POST \/v1\/sondage\/to\/send .*\n {8}survey sends have no sandbox/);
    expect(stdout).toMatch(/same {4}GET \/v1\/message-cancel — a cancel for a message due in 60 minutes/);
    expect(stdout).not.toContain('test-funded-key');
  });

  test('a stand-in that answers otherwise is reported: HTTP status and code, and the exit code is 1', async () => {
    const mock = await startMockServer({
      config: {
        errorHttpStatus: 400,
        accounts: [{ apiKey: 'blocked-account-key', credits: 100, status: 'blocked' }],
      },
    });
    closers.push(() => mock.close());
    const { code, stdout } = await fidelity({
      SMSPARTNER_API_KEY: 'blocked-account-key',
      SMSPARTNER_BASE_URL: mock.url,
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /DIFFERS POST \/v1\/send — an immediate send to one French number\n(.*\n)* {8}code: pact 200, real 30/,
    );
    expect(stdout).toContain('HTTP status: pact 200, real 400');
  });

  test('what leaves is safe: sandbox on every send, no survey, cancels only of the messages it created', async () => {
    const requests = [];
    let nextId = 7000;
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://stand-in');
        const body = text ? JSON.parse(text) : undefined;
        const answer = url.pathname.includes('send')
          ? { success: true, code: 200, message_id: nextId++, nb_sms: 1, cost: 0.038, currency: 'EUR' }
          : { success: true, code: 200, message: 'ok' };
        requests.push({
          method: req.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body,
          answer,
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(resolve)));
    await fidelity({
      SMSPARTNER_API_KEY: 'recording-key',
      SMSPARTNER_BASE_URL: `http://127.0.0.1:${server.address().port}`,
    });

    expect(requests.length).toBeGreaterThan(20);
    const sends = requests.filter((request) => request.method === 'POST' && request.path.includes('send'));
    expect(sends.length).toBeGreaterThan(10);
    for (const send of sends) expect(send.body.sandbox).toBe(1);
    expect(requests.some((request) => request.path.includes('sondage'))).toBe(false);
    const created = new Set(
      sends
        .filter((send) => send.body.apiKey === 'recording-key')
        .map((send) => String(send.answer.message_id)),
    );
    const cancels = requests.filter((request) => request.path === '/v1/message-cancel');
    expect(cancels.length).toBeGreaterThan(0);
    for (const cancel of cancels) {
      if (cancel.query.apiKey === 'recording-key' && cancel.query.messageId) {
        expect(created.has(cancel.query.messageId)).toBe(true);
      }
    }
  });
});

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';

// The CLI is tested as users run it: the built bin (turbo builds it before this task).
const BIN = fileURLToPath(new URL('../../bin/smspartner-mock.js', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

function start(args: string[]): Promise<{ url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line: ${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+) /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1] as string, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

describe('smspartner-mock CLI', () => {
  test('--pid-file: written with its own pid once listening, removed when SIGTERM stops it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mock-cli-')), 'mock.pid');
    await start(['--port', '0', '--quiet', '--pid-file', file]);
    const child = children.at(-1) as ChildProcess;
    for (let i = 0; i < 100 && !existsSync(file); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readFileSync(file, 'utf8')).toBe(`${child.pid}\n`);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(Number(readFileSync(file, 'utf8')), 'SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  test('a SIGTERM sent the moment the mock says it is ready stops it cleanly, pid file removed', async () => {
    // Ready means the start-up line or the pid file: both must come after the signal
    // handlers, or a supervisor that stops the mock at once kills it by signal.
    const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
    const runs = Array.from({ length: 6 }, (_, i) => {
      const file = join(dir, `mock-${i}.pid`);
      const child = spawn(process.execPath, [BIN, '--port', '0', '--quiet', '--pid-file', file], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      children.push(child);
      child.stdout.once('data', () => child.kill('SIGTERM'));
      return new Promise<{ code: number | null; signal: string | null; left: boolean }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal, left: existsSync(file) })),
      );
    });
    for (const run of await Promise.all(runs)) expect(run).toEqual({ code: 0, signal: null, left: false });
  });

  test('--pid-file where it cannot be written: exits 1 with the reason', () => {
    const run = spawnSync(process.execPath, [BIN, '--port', '0', '--pid-file', '/nonexistent/dir/mock.pid'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Cannot write --pid-file \/nonexistent\/dir\/mock.pid/);
  });

  test('--help prints the options and exits 0', () => {
    const run = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const option of ['--port', '--host', '--config', '--cors-origin', '--help'])
      expect(run.stdout).toContain(option);
  });

  test.each([
    [['--port', 'abc'], /Invalid --port abc/],
    [['--port', '70000'], /Invalid --port 70000/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--config', '/nonexistent/mock.json'], /Cannot read config file/],
  ])('%j exits 2 with a reason', (args, reason) => {
    const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(reason);
  });

  test('a config with a bad account exits 2 without printing its key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
    const file = join(dir, 'mock.json');
    writeFileSync(file, JSON.stringify({ accounts: [{ apiKey: 'cli-secret', credits: -5 }] }));
    const run = spawnSync(process.execPath, [BIN, '--config', file], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/accounts\.0\.credits/);
    expect(run.stderr).not.toContain('cli-secret');
  });

  test('starts on the asked port and host, serves the API, logs without keys', async () => {
    const { url, output } = await start(['--port', '0', '--host', '127.0.0.1']);
    const answer = await fetch(`${url}/v1/message-cancel?apiKey=test-funded-key&messageId=1`);
    expect(await answer.json()).toEqual({ success: false, code: 4, message: 'Message not found' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output()).toContain('GET /v1/message-cancel?apiKey=REDACTED&messageId=1 -> 200 code=4');
    expect(output()).not.toContain('test-funded-key');
  });

  test('--config replaces the default accounts; --cors-origin replaces the loopback default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
    const file = join(dir, 'mock.json');
    writeFileSync(
      file,
      JSON.stringify({ accounts: [{ apiKey: 'team-key', credits: 3 }], errorHttpStatus: 400 }),
    );
    const { url } = await start([
      '--port',
      '0',
      '--config',
      file,
      '--cors-origin',
      'https://app.example',
      '--quiet',
    ]);
    const old = await fetch(`${url}/v1/message-cancel?apiKey=test-funded-key&messageId=1`);
    expect(old.status).toBe(400);
    expect(await old.json()).toMatchObject({ code: 10 });
    const sent = await fetch(`${url}/v1/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://app.example' },
      body: JSON.stringify({ apiKey: 'team-key', phoneNumbers: '0612345678', message: 'hi' }),
    });
    expect(sent.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(await sent.json()).toMatchObject({ success: true, code: 200 });
  });

  test('--seed FILE loads accounts and messages at start, and names the seeded account', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
    const file = join(dir, 'seed.json');
    writeFileSync(
      file,
      JSON.stringify({
        accounts: [
          {
            apiKey: 'seeded-cli-key',
            name: 'seeded',
            credits: 7,
            messages: [
              { phoneNumbers: '0611111111', message: 'from the seed', sendAt: '2099-01-01T10:00:00Z' },
            ],
          },
        ],
      }),
    );
    const { url, output } = await start(['--port', '0', '--seed', file, '--quiet']);
    expect(output()).toContain('seeded (7 credits)');
    const messages = await fetch(`${url}/__mock/messages?apiKey=seeded-cli-key`).then((answer) =>
      answer.json(),
    );
    expect(messages.messages).toMatchObject([{ message: 'from the seed', state: 'scheduled' }]);
  });

  test('a bad seed exits 2, listing its problems without the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
    const file = join(dir, 'seed.json');
    writeFileSync(
      file,
      JSON.stringify({ accounts: [{ apiKey: 'cli-seed-secret', credits: 1, stoplist: [] }] }),
    );
    const run = spawnSync(process.execPath, [BIN, '--seed', file], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('accounts.0: unknown key "stoplist"');
    expect(run.stderr).not.toContain('cli-seed-secret');
  });
});

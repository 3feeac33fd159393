#!/usr/bin/env node
// The pack-and-install smoke test: the three packages as a consumer gets them.
//
//  1. `pnpm pack` each package (its prepack builds it) and run the package
//     checks on the tarballs (publint, attw, metadata: scripts/package-checks.mjs).
//  2. Install the tarballs with npm into a throwaway consumer in the system's
//     temp folder, outside the workspace, so nothing resolves from it.
//  3. In that consumer: TypeScript strict with `module: nodenext`,
//     `skipLibCheck: false`, `exactOptionalPropertyTypes` (ESM and a .cts that
//     requires the packages); `moduleResolution: bundler` with DOM types only;
//     a CommonJS `require()` of every entry (Node's require(esm)); an
//     in-process test (`node --test`) of client and mock; a Vite browser build
//     of a cancel-only import, whose size is printed; the mock's bin started
//     and stopped with --pid-file; and the README's CI recipe, run as written.
//
// Tools come from the workspace (its TypeScript and Vite, already installed);
// what is tested comes from the tarballs and npm. npm's cache is reused, so a
// second run downloads nothing. The consumer runs on the Node that runs this
// script (CI's matrix Node) when it is 22 or newer, else on the workspace's
// Node 24; SMOKE_NODE=/path/to/node picks another.
//
// Every check is reported as a test in reports/pack-smoke.json, so it counts
// in the "N passed, N failed" line of .ci/run. --keep leaves the consumer.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { checkTarball, packAll, ROOT, report, rootRepositoryUrl } from './package-checks.mjs';

const { values: cli } = parseArgs({ options: { keep: { type: 'boolean' } } });
const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'smspartner-smoke-'));
const consumer = join(work, 'consumer');
const results = [];
const say = (line) => process.stdout.write(`${line}\n`);

/** Runs one named check; a throw or a false result is a failure with its reason. */
async function check(name, body) {
  const t0 = performance.now();
  let ok = false;
  let detail = '';
  try {
    const outcome = await body();
    ok = outcome !== false;
    if (typeof outcome === 'string') detail = outcome;
  } catch (error) {
    detail = error instanceof Error ? error.message : String(error);
  }
  const ms = Math.round(performance.now() - t0);
  results.push({ name, ok, detail, ms });
  say(`${ok ? 'ok  ' : 'FAIL'} ${name} (${ms} ms)${detail && ok ? `: ${detail}` : ''}`);
  if (!ok && detail) say(detail.replace(/^/gm, '       '));
  return ok;
}

// The consumer's Node, and a PATH on which `node` is that Node and nothing of the workspace's.
const nodeMajor = Number(process.versions.node.split('.')[0]);
const consumerNode =
  process.env.SMOKE_NODE || (nodeMajor >= 22 ? process.execPath : join(ROOT, 'node_modules/node/bin/node'));
const consumerPath = [
  dirname(consumerNode),
  ...(process.env.PATH ?? '').split(delimiter).filter((entry) => entry && !entry.startsWith(ROOT)),
].join(delimiter);
const env = { ...process.env, PATH: consumerPath, npm_config_update_notifier: 'false' };
for (const name of Object.keys(env))
  if (name.startsWith('npm_lifecycle') || name === 'INIT_CWD') delete env[name];
const consumerVersion = spawnSync(consumerNode, ['--version'], { encoding: 'utf8' }).stdout.trim();

/** Runs a command in the consumer; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: consumer,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
    ...options,
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

const write = (path, text) => {
  mkdirSync(dirname(join(consumer, path)), { recursive: true });
  writeFileSync(join(consumer, path), text);
};
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

say(`pack smoke test in ${work} (consumer on Node ${consumerVersion})`);

// 1. Pack, then check the tarballs.
let packs = [];
await check('pnpm pack: the three packages build and pack', () => {
  packs = packAll(join(work, 'packs'));
  return packs.map((pack) => pack.tarball.split('/').pop()).join(', ');
});
if (packs.length > 0) {
  const url = rootRepositoryUrl();
  const checks = packs.flatMap((pack) => checkTarball(pack, url));
  report(checks);
  results.push(...checks.map((result) => ({ ...result, ms: 0 })));
}

// 2. The consumer, installed with npm from the tarballs.
const tarballOf = (name) => packs.find((pack) => pack.name === name)?.tarball ?? 'missing.tgz';
write(
  'package.json',
  json({
    name: 'smspartner-kit-consumer',
    private: true,
    type: 'module',
    dependencies: {
      '@smspartner-kit/schema': `file:${tarballOf('@smspartner-kit/schema')}`,
      '@smspartner-kit/client': `file:${tarballOf('@smspartner-kit/client')}`,
      '@smspartner-kit/mock-server': `file:${tarballOf('@smspartner-kit/mock-server')}`,
      '@types/node': rootManifest.devDependencies['@types/node'],
    },
  }),
);
const installed = await check('npm install of the tarballs into a consumer outside the workspace', () => {
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  // One schema, the tarball's: the client's and the mock's ^ranges are met by it.
  const nested = ['@smspartner-kit/client', '@smspartner-kit/mock-server'].filter((name) =>
    existsSync(join(consumer, 'node_modules', name, 'node_modules/@smspartner-kit/schema')),
  );
  if (nested.length > 0) throw new Error(`a second @smspartner-kit/schema under ${nested.join(', ')}`);
  const express = JSON.parse(readFileSync(join(consumer, 'node_modules/express/package.json'), 'utf8'));
  return `express ${express.version} installed once, as the mock's dependency`;
});

const tsc = join(ROOT, 'node_modules/typescript/lib/tsc.js');
const strict = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  verbatimModuleSyntax: true,
  target: 'es2023',
};

// 3a. TypeScript, module nodenext: the in-process test (ESM) and a .cts that requires the packages.
write('nodenext/package.json', json({ type: 'module' }));
write(
  'nodenext/tsconfig.json',
  json({
    compilerOptions: {
      ...strict,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      lib: ['es2023'],
      types: ['node'],
      outDir: 'out',
    },
    include: ['*.ts', '*.cts'],
  }),
);
write(
  'nodenext/inprocess.test.ts',
  `// A consumer's own test: the published client against the published mock, in-process.
import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { cancelSms, createSmsPartnerClient, createTransport, isSmsPartnerApiError } from '@smspartner-kit/client';
import { estimateSend } from '@smspartner-kit/client/estimate';
import { xmlFormat } from '@smspartner-kit/client/xml';
import { createApp, type MockApp, startMockServer } from '@smspartner-kit/mock-server';
import { cancelSmsCodes } from '@smspartner-kit/schema';

test('send, then cancel, through the client against startMockServer', async () => {
  const mock = await startMockServer();
  try {
    mock.store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
    const sms = createSmsPartnerClient({ baseUrl: mock.url, apiKey: 'test-funded-key' });
    const sent = await sms.sendSms({
      phoneNumbers: '0600000000',
      message: 'Hello',
      scheduledAt: new Date('2030-01-15T09:00:00Z'),
    });
    const cancelled = await sms.cancelSms({ messageId: sent.message_id });
    assert.equal(cancelled.success, true);
    await assert.rejects(sms.cancelSms({ messageId: sent.message_id }), (error) => {
      assert.ok(isSmsPartnerApiError(error, 'cancelSms'));
      assert.equal(error.code, 5);
      return true;
    });
  } finally {
    await mock.close();
  }
});

test('createApp gives a Node request listener, not an Express app', async () => {
  const mock: MockApp = createApp();
  const listener: RequestListener = mock.app;
  // Never called: a compile-time check that MockApp.app is a request listener (and not any).
  // @ts-expect-error: there is no Express API on it.
  const notExpress = () => mock.app.listen(0);
  assert.equal(typeof notExpress, 'function');
  const server = createServer(listener).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const transport = createTransport({ baseUrl: \`http://127.0.0.1:\${port}\`, apiKey: 'test-funded-key' });
    await assert.rejects(cancelSms(transport, { messageId: 424242 }), (error) => {
      assert.ok(isSmsPartnerApiError(error));
      assert.equal(error.code, 4);
      return true;
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('the /xml and /estimate entries and the schema', async () => {
  const mock = await startMockServer();
  try {
    const sms = createSmsPartnerClient({ baseUrl: mock.url, apiKey: 'test-empty-key', format: xmlFormat });
    await assert.rejects(sms.cancelSms({ messageId: 1 }), (error) => isSmsPartnerApiError(error));
  } finally {
    await mock.close();
  }
  assert.equal(estimateSend({ message: 'Hello', phoneNumbers: ['0600000000'] }).nbSms, 1);
  assert.match(cancelSmsCodes[6].message, /5 minutes/);
});
`,
);
write(
  'nodenext/require.cts',
  `// CommonJS TypeScript: require() of the ESM packages (TypeScript's nodenext allows it, Node 22.12+ runs it).
import client = require('@smspartner-kit/client');
import estimate = require('@smspartner-kit/client/estimate');
import mock = require('@smspartner-kit/mock-server');
import schema = require('@smspartner-kit/schema');

const loaded: [typeof client.createSmsPartnerClient, typeof estimate.estimateSend, typeof mock.startMockServer] = [
  client.createSmsPartnerClient,
  estimate.estimateSend,
  mock.startMockServer,
];
const endpointCount: number = Object.keys(schema.endpoints).length;
if (!loaded.every((entry) => typeof entry === 'function') || endpointCount === 0) process.exit(1);
`,
);

// 3b. TypeScript, moduleResolution bundler, DOM only: what a browser app sees of the client and schema.
write(
  'bundler/tsconfig.json',
  json({
    compilerOptions: {
      ...strict,
      module: 'esnext',
      moduleResolution: 'bundler',
      lib: ['es2023', 'dom', 'dom.iterable'],
      types: [],
      noEmit: true,
    },
    include: ['*.ts'],
  }),
);
write(
  'bundler/app.ts',
  `import { cancelSms, createTransport, isSmsPartnerApiError, type SmsPartnerClient } from '@smspartner-kit/client';
import { estimateSend } from '@smspartner-kit/client/estimate';
import { xmlFormat } from '@smspartner-kit/client/xml';
import { cancelSmsRoute, type EndpointName } from '@smspartner-kit/schema';

const transport = createTransport({ baseUrl: '/sms-proxy' });
export async function cancel(id: number): Promise<string> {
  try {
    return (await cancelSms(transport, { messageId: id })).message;
  } catch (error) {
    return isSmsPartnerApiError(error) ? \`code \${error.code}\` : 'failed';
  }
}
export const parts: number = estimateSend({ message: 'Hi', phoneNumbers: ['0600000000'] }).message.parts;
export const path: string = cancelSmsRoute.path;
export const name: EndpointName = 'cancelSms';
export type Client = SmsPartnerClient;
export { xmlFormat };
`,
);

// 3c. CommonJS require() of every entry, plain JavaScript.
write(
  'cjs/require.cjs',
  `const assert = require('node:assert/strict');
const client = require('@smspartner-kit/client');
const xml = require('@smspartner-kit/client/xml');
const estimate = require('@smspartner-kit/client/estimate');
const schema = require('@smspartner-kit/schema');
const mock = require('@smspartner-kit/mock-server');
assert.equal(typeof client.createSmsPartnerClient, 'function');
assert.equal(typeof xml.xmlFormat, 'object');
assert.equal(typeof estimate.estimateSend, 'function');
assert.equal(typeof schema.endpoints.cancelSms, 'object');
assert.equal(typeof mock.startMockServer, 'function');
process.stdout.write('required: client, client/xml, client/estimate, schema, mock-server\\n');
`,
);

// 3d. A browser app that only cancels, for Vite.
write(
  'vite/index.html',
  '<!doctype html><button id="cancel">Cancel</button><script type="module" src="./main.js"></script>\n',
);
write(
  'vite/main.js',
  `import { cancelSms, createTransport } from '@smspartner-kit/client';

const transport = createTransport({ baseUrl: '/sms-proxy' });
document.querySelector('#cancel').addEventListener('click', () => cancelSms(transport, { messageId: 1 }));
`,
);

if (installed) {
  await check(
    'TypeScript nodenext, strict, exactOptionalPropertyTypes, skipLibCheck false (ESM and .cts)',
    () => {
      run(consumerNode, [tsc, '-p', 'nodenext']);
    },
  );
  await check('TypeScript moduleResolution bundler, DOM types only, skipLibCheck false', () => {
    run(consumerNode, [tsc, '-p', 'bundler']);
  });
  await check(`CommonJS require() of every entry (require(esm), Node ${consumerVersion})`, () =>
    run(consumerNode, ['cjs/require.cjs']).trim(),
  );
  await check('CommonJS TypeScript (.cts) compiled by tsc runs', () => {
    run(consumerNode, ['-e', "require('./nodenext/out/require.cjs')"]);
  });
  await check('in-process test: node --test of the compiled consumer test', () => {
    const out = run(consumerNode, ['--test', '--test-reporter=tap', 'nodenext/out/inprocess.test.js'], {
      timeout: 60_000,
    });
    const pass = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
    const fail = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 1);
    if (fail > 0 || pass === 0) throw new Error(out);
    return `${pass} passed`;
  });
  await check('Vite browser build of a cancel-only import', async () => {
    const { build } = await import('vite');
    const warnings = [];
    const logger = {
      info() {},
      warn: (message) => warnings.push(message),
      warnOnce: (message) => warnings.push(message),
      error: (message) => warnings.push(message),
      clearScreen() {},
      hasErrorLogged: () => false,
      hasWarned: false,
    };
    const output = await build({
      root: join(consumer, 'vite'),
      configFile: false,
      logLevel: 'silent',
      customLogger: logger,
      build: {
        outDir: join(consumer, 'vite/dist'),
        emptyOutDir: true,
        write: false,
        reportCompressedSize: false,
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
    const js = chunks
      .filter((chunk) => chunk.type === 'chunk')
      .map((chunk) => chunk.code)
      .join('\n');
    if (warnings.length > 0) throw new Error(warnings.join('\n'));
    if (/libphonenumber|<\?xml/.test(js))
      throw new Error('the cancel-only bundle holds the estimator or the XML codec');
    const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
    return `${kb(Buffer.byteLength(js))} minified, ${kb(gzipSync(js, { level: 9 }).length)} gzipped`;
  });
  await check(
    'the mock bin starts from node_modules/.bin and stops on SIGTERM, removing its --pid-file',
    async () => {
      const pidFile = join(consumer, 'bin.pid');
      const child = spawn(
        join(consumer, 'node_modules/.bin/smspartner-mock'),
        ['--port', '0', '--quiet', '--pid-file', pidFile],
        {
          cwd: consumer,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      const exited = new Promise((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      try {
        const url = await waitFor(
          () => /listening on (http:\/\/\S+) /.exec(output)?.[1],
          10_000,
          () => output,
        );
        await waitFor(
          () => existsSync(pidFile),
          2_000,
          () => 'no pid file',
        );
        const pid = Number(readFileSync(pidFile, 'utf8'));
        if (pid !== child.pid) throw new Error(`pid file says ${pid}, the bin's process is ${child.pid}`);
        const answer = await (
          await fetch(`${url}/v1/message-cancel?apiKey=test-funded-key&messageId=1`)
        ).json();
        if (answer.code !== 4) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
        process.kill(pid, 'SIGTERM');
        const { code } = await exited;
        if (code !== 0) throw new Error(`exited ${code}: ${output}`);
        if (existsSync(pidFile)) throw new Error('the pid file is still there after exit');
      } finally {
        child.kill('SIGKILL');
      }
    },
  );
  await check("the README's CI recipe (npx, --pid-file, trap) starts and stops the mock", () => runRecipe());
}

// 4. Report.
const failed = results.filter((result) => !result.ok);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
mkdirSync(join(ROOT, 'reports'), { recursive: true });
writeFileSync(
  join(ROOT, 'reports/pack-smoke.json'),
  json({
    numPassedTests: results.length - failed.length,
    numFailedTests: failed.length,
    numPendingTests: 0,
    numTodoTests: 0,
    testResults: [
      {
        name: 'scripts/pack-smoke.mjs',
        status: failed.length ? 'failed' : 'passed',
        assertionResults: results.map((result) => ({
          title: result.name,
          status: result.ok ? 'passed' : 'failed',
          duration: result.ms,
          failureMessages: result.ok ? [] : [result.detail],
        })),
      },
    ],
  }),
);
if (!cli.keep) rmSync(work, { recursive: true, force: true });
say(
  `pack smoke: ${results.length - failed.length} passed, ${failed.length} failed in ${seconds} s (consumer on Node ${consumerVersion})${cli.keep ? `; kept ${work}` : ''}`,
);
process.exit(failed.length === 0 ? 0 : 1);

async function waitFor(probe, timeoutMs, describe) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A free loopback port (the recipe's 4010 may be taken on a shared machine). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs the README's recipe (the ```sh block after <!-- ci-recipe -->, the same in
 * the root README and in the mock's, as shipped) with bash,
 * as written but for two things: a free port instead of 4010, and, in place of
 * the line that runs "your tests", a probe that checks the mock answers and
 * notes the mock's and npx's process ids. Then both processes must be gone.
 */
async function runRecipe() {
  const recipeOf = (path) =>
    /<!-- ci-recipe -->\s*```sh\n([\s\S]*?)```/.exec(readFileSync(path, 'utf8'))?.[1];
  const block = recipeOf(join(ROOT, 'README.md'));
  if (!block) throw new Error('README.md has no <!-- ci-recipe --> sh block');
  // The mock's README, as installed from the tarball, carries the same recipe.
  const shipped = recipeOf(join(consumer, 'node_modules/@smspartner-kit/mock-server/README.md'));
  if (shipped !== block) throw new Error("the mock's README has another CI recipe than the root README");
  const port = await freePort();
  const probe = [
    'echo "$!" > recipe.npx.pid',
    'cp .smspartner-mock.pid recipe.mock.pid',
    `node -e "fetch('http://127.0.0.1:${port}/v1/message-cancel?apiKey=test-funded-key&messageId=1').then((r) => r.json()).then((b) => process.exit(b.code === 4 ? 0 : 1))"`,
  ].join('\n');
  const lines = block.split('\n');
  const testLine = lines.findIndex((line) => line.includes('# your tests'));
  if (testLine === -1) throw new Error('the recipe has no line marked "# your tests"');
  lines[testLine] = probe;
  const script = `set -e\n${lines.join('\n').replaceAll('4010', String(port))}`;
  writeFileSync(join(consumer, 'recipe.sh'), script);
  rmSync(join(consumer, '.smspartner-mock.pid'), { force: true });
  run('bash', ['recipe.sh'], { timeout: 30_000 });
  const mockPid = Number(readFileSync(join(consumer, 'recipe.mock.pid'), 'utf8'));
  const npxPid = Number(readFileSync(join(consumer, 'recipe.npx.pid'), 'utf8'));
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    await waitFor(
      () => !alive(mockPid) && !alive(npxPid),
      5_000,
      () => `still running: mock ${alive(mockPid)}, npx ${alive(npxPid)}`,
    );
  } finally {
    for (const pid of [mockPid, npxPid]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (existsSync(join(consumer, '.smspartner-mock.pid'))) throw new Error('the pid file is still there');
  return `on port ${port}: answered, then the mock (${mockPid}) and npx (${npxPid}) both exited`;
}

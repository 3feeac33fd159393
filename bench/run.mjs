// pnpm bench: performance figures of the mock, the client and the client's bundle,
// all in one run on one machine. Prints a table, the targets with PASS/MISS and a
// final JSON blob, also written to bench/results.json. A report, never a test:
// it exits 0 whatever the figures (1 only when a section could not run).
//
//   node bench/run.mjs [--quick] [--only http,cold,memory,client,bundle]
//
// Needs the packages built (`pnpm build`), Node 24 (run it through pnpm), wrk
// (Debian: apt-get install -y wrk) for the HTTP section, and taskset (util-linux)
// to pin the server and the load generator to different CPUs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { APPS, BUDGETS, CI_BUDGETS, KB, measureBundles, ROOT } from './bundles.mjs';

const { values: cli } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const QUICK = cli.quick;
const SECTIONS = new Set((cli.only ?? 'bundle,cold,memory,client,http,lifecycle').split(','));

const SETTINGS = {
  connections: 50,
  threads: 2,
  warmUpSeconds: QUICK ? 1 : 2,
  seconds: QUICK ? 2 : 5,
  runs: QUICK ? 1 : 3,
  seededMessages: 5_000,
  coldRuns: QUICK ? 3 : 7,
  memoryMessages: QUICK ? 100_000 : 1_000_000,
  memoryHandlerMessages: QUICK ? 5_000 : 20_000,
  clientCalls: QUICK ? 2_000 : 20_000,
  statusMessages: QUICK ? 100_000 : 1_000_000,
  dueReceipts: QUICK ? 2_000 : 10_000,
  clientRounds: 4,
};
const BENCH_KEY = 'bench-key';
const SEND_BODY = JSON.stringify({
  apiKey: BENCH_KEY,
  phoneNumbers: '0600000000',
  message: 'Your code is 123456',
});
/** The contact list's group in bench/servers.mjs: 100,000 contacts, 5,000 pages of 20. */
const BENCH_GROUP = '6363';
const CONTACT_PAGES = 5_000;
const MOCK_CLI = join(ROOT, 'apps/mock-server/bin/smspartner-mock.js');
const SERVERS = join(ROOT, 'bench/servers.mjs');
const NODE = process.execPath;
const started = performance.now();

// ---------------------------------------------------------------- helpers

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 2) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));
const num = (value, digits = 0) =>
  value === null || value === undefined
    ? 'n/a'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const has = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const note = (line) =>
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`,
  );

const CORES = availableParallelism();
const TASKSET = CORES >= 2 && has('taskset', ['-c', '0', 'true']);
const SERVER_CPU = '0';
const LOAD_CPU = CORES >= 3 ? '1,2' : '1';
const pinned = (cpu, command, args) =>
  TASKSET ? ['taskset', ['-c', cpu, command, ...args]] : [command, args];

if (Number(process.versions.node.split('.')[0]) < 24) {
  note(`Node ${process.version}: the project's figures are for Node 24; run through pnpm (\`pnpm bench\`)`);
}
for (const file of ['apps/mock-server/dist/index.js', 'packages/client/dist/index.js']) {
  if (!existsSync(join(ROOT, file))) {
    process.stderr.write(`${file} is missing: run \`pnpm build\` first\n`);
    process.exit(1);
  }
}

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts a server child and resolves with its URL (the first http:// URL it prints). */
function startServer(args, { cpu } = {}) {
  const [command, argv] = cpu ? pinned(cpu, NODE, args) : [NODE, args];
  const t0 = performance.now();
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no URL from ${args.join(' ')} in 120 s`)), 120_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/[\d.]+:\d+/.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ child, url: match[0], t0 });
      }
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before listening: ${err.slice(0, 500)}`));
    });
  });
}

async function stopServer({ child }) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const TICK_MS = 1000 / (Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100);
/** CPU time (user + system) a process has used, in ms, from /proc (Linux); null elsewhere. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime
  } catch {
    return null;
  }
}

/** One HTTP request, no keep-alive: resolves with { status, body }. */
function http(url, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent: false, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs a child to completion; resolves with the JSON of its last stdout line. */
function runJson(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.once('exit', (code) => {
      children.delete(child);
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(last));
      } catch (error) {
        reject(
          new Error(
            `${[command, ...args].join(' ')}: ${error.message}\n${err.slice(-800)}${out.slice(-400)}`,
          ),
        );
      }
    });
  });
}

// ---------------------------------------------------------------- sections

const results = {
  machine: {
    node: process.version,
    cpus: CORES,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverageAtStart: loadavg().map((value) => round(value)),
    pinning: TASKSET
      ? { server: SERVER_CPU, loadGenerator: LOAD_CPU }
      : 'none (taskset unavailable or one CPU)',
  },
  settings: SETTINGS,
};
const failures = [];

async function section(name, key, body) {
  if (!SECTIONS.has(key)) return;
  note(`${name}…`);
  try {
    results[key] = await body();
  } catch (error) {
    failures.push(`${name}: ${error.message}`);
    results[key] = { error: error.message };
    note(`${name} FAILED: ${error.message}`);
  }
}

// 5. Bundle sizes (first: a few hundred ms).
await section('bundle sizes', 'bundle', async () => {
  const measured = await measureBundles();
  return Object.fromEntries(
    measured.map((bundle) => [
      bundle.name,
      {
        label: bundle.label,
        minBytes: bundle.minBytes,
        gzBytes: bundle.gzBytes,
        ...(BUDGETS[bundle.name]
          ? {
              budgetBytes: BUDGETS[bundle.name],
              ciBudgetBytes: CI_BUDGETS[bundle.name],
              heaviest: bundle.top.slice(0, 6),
            }
          : {}),
      },
    ]),
  );
});

// 2. Cold start to the first answer.
await section('cold start', 'cold', async () => {
  const kinds = {
    mockCli: { args: [MOCK_CLI, '--port', '0', '--quiet'], query: 'apiKey=test-funded-key&messageId=1000' },
    raw: { args: [SERVERS, 'raw'], query: `apiKey=${BENCH_KEY}&messageId=1000` },
    express: { args: [SERVERS, 'express'], query: `apiKey=${BENCH_KEY}&messageId=1000` },
  };
  const times = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
  const cpu = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
  const nodeFloor = [];
  for (let run = 0; run < SETTINGS.coldRuns; run++) {
    for (const [kind, { args, query }] of Object.entries(kinds)) {
      const server = await startServer(args);
      let answer;
      for (let attempt = 0; ; attempt++) {
        try {
          answer = await http(`${server.url}/v1/message-cancel?${query}`);
          if (typeof JSON.parse(answer.body).code === 'number') break;
        } catch (error) {
          if (attempt > 5_000) throw error;
          await sleep(1);
        }
      }
      times[kind].push(performance.now() - server.t0);
      cpu[kind].push(cpuMs(server.child.pid));
      await stopServer(server);
    }
    const t0 = performance.now();
    spawnSync(NODE, ['-e', '0']);
    nodeFloor.push(performance.now() - t0);
  }
  const summary = Object.fromEntries(
    Object.entries(times).map(([kind, list]) => [
      kind,
      {
        medianMs: round(median(list), 1),
        minMs: round(Math.min(...list), 1),
        runsMs: list.map((t) => round(t, 1)),
        // CPU time the server process used until then (all its threads): steadier than wall time on a busy machine
        cpuMedianMs: cpu[kind].includes(null) ? null : round(median(cpu[kind]), 0),
      },
    ]),
  );
  summary.nodeExitFloor = { medianMs: round(median(nodeFloor), 1), minMs: round(Math.min(...nodeFloor), 1) };
  return summary;
});

// 3. Heap per scheduled message.
await section('memory', 'memory', async () => {
  const measured = await runJson(NODE, [
    '--expose-gc',
    join(ROOT, 'bench/memory.mjs'),
    String(SETTINGS.memoryMessages),
    String(SETTINGS.memoryHandlerMessages),
  ]);
  return {
    // The verdict uses the handler path: it keeps what a real scheduled send keeps.
    bytesPerMessage: round(measured.viaHandlers.bytesPerMessage, 1),
    handlers: {
      method: "dispatch('sendSms'), scheduled, one French number, 'Bench message <i>' text",
      bytesPerMessage: round(measured.viaHandlers.bytesPerMessage, 1),
      messages: measured.viaHandlers.messages,
      usPerScheduledSend: round(measured.viaHandlers.usPerSend, 1),
    },
    store: {
      method:
        'store.messages.schedule with the draft the sendSms handler builds (captured), own flat text and number per message',
      bytesPerMessage: round(measured.viaStore.bytesPerMessage, 1),
      messages: measured.viaStore.messages,
      ms: round(measured.viaStore.ms, 0),
    },
    storedFields: measured.storedFields,
  };
});

// 4. Client per-call cost.
await section('client per-call cost', 'client', async () => {
  const server = await startServer([SERVERS, 'fixed'], { cpu: SERVER_CPU });
  try {
    const [command, args] = pinned(LOAD_CPU, NODE, [
      join(ROOT, 'bench/client-calls.mjs'),
      server.url,
      String(SETTINGS.clientCalls),
      String(SETTINGS.clientRounds),
    ]);
    const measured = await runJson(command, args);
    const us = Object.fromEntries(
      Object.entries(measured.rounds).map(([name, list]) => [name, median(list)]),
    );
    const cpu = Object.fromEntries(
      Object.entries(measured.cpuRounds).map(([name, list]) => [name, median(list)]),
    );
    return {
      calls: measured.calls,
      usPerCall: { fetch: round(us.fetch, 1), ky: round(us.ky, 1), client: round(us.client, 1) },
      rounds: Object.fromEntries(
        Object.entries(measured.rounds).map(([name, list]) => [name, list.map((v) => round(v, 1))]),
      ),
      clientOverRaw: round(us.client / us.fetch, 3),
      clientOverKy: round(us.client / us.ky, 3),
      kyOverRaw: round(us.ky / us.fetch, 3),
      // CPU time of the calling process per call: steadier than wall time on a busy machine
      cpuUsPerCall: { fetch: round(cpu.fetch, 1), ky: round(cpu.ky, 1), client: round(cpu.client, 1) },
      cpuClientOverKy: round(cpu.client / cpu.ky, 3),
      cpuClientOverRaw: round(cpu.client / cpu.fetch, 3),
    };
  } finally {
    await stopServer(server);
  }
});

// 1. HTTP throughput and latency.
await section('HTTP throughput', 'http', async () => {
  if (spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error) {
    throw new Error('wrk not found: install it (Debian: apt-get install -y wrk)');
  }
  const kinds = ['mock', 'raw', 'express'];
  // The mock with the CLI's default request log, on the cancel path only (issue: the default log's cost).
  const allKinds = [...kinds, 'logged'];
  const servers = {};
  await Promise.all(
    allKinds.map(async (kind) => {
      servers[kind] = await startServer([SERVERS, kind, '--seed', String(SETTINGS.seededMessages)], {
        cpu: SERVER_CPU,
      });
    }),
  );
  try {
    // The baselines must answer what the mock answers, byte for byte (send: but the id).
    const checks = [];
    const reference = {};
    const contactsQuery = (page) => `apiKey=${BENCH_KEY}&groupId=${BENCH_GROUP}&page=${page}`;
    for (const kind of kinds) {
      for (const page of [1, CONTACT_PAGES]) {
        const listed = await http(`${servers[kind].url}/v1/contact/list?${contactsQuery(page)}`);
        reference[kind] ??= {};
        reference[kind][`contacts${page}`] = listed.body;
        if (JSON.parse(listed.body).datas?.length !== 20)
          checks.push(`${kind}: contact page ${page} answered ${listed.body.slice(0, 200)}`);
      }
    }
    for (const kind of ['raw', 'express']) {
      for (const page of [1, CONTACT_PAGES]) {
        if (reference[kind][`contacts${page}`] !== reference.mock[`contacts${page}`])
          checks.push(`${kind}: contact page ${page} differs from the mock's`);
      }
    }
    for (const kind of kinds) {
      const cancel = await http(`${servers[kind].url}/v1/message-cancel?apiKey=${BENCH_KEY}&messageId=1000`);
      const send = await http(`${servers[kind].url}/v1/send`, { method: 'POST', body: SEND_BODY });
      const sendShape = JSON.stringify({ ...JSON.parse(send.body), message_id: 0 });
      reference[kind] = { ...reference[kind], cancel: cancel.body, sendShape, sendBytes: send.body.length };
      if (JSON.parse(cancel.body).code !== 5) checks.push(`${kind}: cancel answered ${cancel.body}`);
      if (JSON.parse(send.body).code !== 200) checks.push(`${kind}: send answered ${send.body}`);
    }
    for (const kind of ['raw', 'express']) {
      if (reference[kind].cancel !== reference.mock.cancel)
        checks.push(`${kind}: cancel body differs from the mock's`);
      if (reference[kind].sendShape !== reference.mock.sendShape)
        checks.push(`${kind}: send body differs from the mock's`);
    }
    if (checks.length > 0) throw new Error(`baselines do not answer like the mock: ${checks.join('; ')}`);

    const endpoints = {
      cancel: {
        path: '/v1/message-cancel',
        env: {
          BENCH_MODE: 'cancel',
          BENCH_KEY,
          BENCH_FIRST_ID: '1000',
          BENCH_IDS: String(SETTINGS.seededMessages),
        },
      },
      send: { path: '/v1/send', env: { BENCH_MODE: 'send', BENCH_BODY: SEND_BODY } },
      contacts: {
        path: '/v1/contact/list',
        env: { BENCH_MODE: 'contacts', BENCH_KEY, BENCH_GROUP, BENCH_PAGES: String(CONTACT_PAGES) },
      },
    };
    const load = async (kind, endpoint, seconds) => {
      const cpuBefore = cpuMs(servers[kind].child.pid);
      const [command, args] = pinned(LOAD_CPU, 'wrk', [
        `-t${SETTINGS.threads}`,
        `-c${SETTINGS.connections}`,
        `-d${seconds}s`,
        '-s',
        join(ROOT, 'bench/wrk.lua'),
        `${servers[kind].url}${endpoints[endpoint].path}`,
      ]);
      const result = await runJson(command, args, endpoints[endpoint].env);
      const errors = Object.values(result.errors).reduce((sum, count) => sum + count, 0);
      const cpu = cpuBefore === null ? null : cpuMs(servers[kind].child.pid) - cpuBefore;
      return {
        cpuUsPerRequest: cpu === null ? null : (cpu * 1000) / result.requests,
        rps: result.requests / (result.duration_us / 1e6),
        p50: result.p50_us / 1000,
        p99: result.p99_us / 1000,
        errors,
      };
    };

    for (const endpoint of Object.keys(endpoints)) {
      for (const kind of endpoint === 'cancel' ? allKinds : kinds)
        await load(kind, endpoint, SETTINGS.warmUpSeconds);
    }
    const runs = {};
    for (let run = 0; run < SETTINGS.runs; run++) {
      for (const endpoint of Object.keys(endpoints)) {
        // rotate the order: no server always runs first
        const order = [...kinds.slice(run % 3), ...kinds.slice(0, run % 3)];
        if (endpoint === 'cancel') order.push('logged');
        for (const kind of order) {
          note(`  ${endpoint} ${kind} run ${run + 1}/${SETTINGS.runs}`);
          runs[endpoint] ??= {};
          runs[endpoint][kind] ??= [];
          runs[endpoint][kind].push(await load(kind, endpoint, SETTINGS.seconds));
        }
      }
    }
    const out = {
      paths: {
        cancel: `GET /v1/message-cancel?apiKey=…&messageId=<id>, ids cycling over ${SETTINGS.seededMessages} seeded scheduled messages, all already cancelled: answer code 5 "${JSON.parse(reference.mock.cancel).message}" (${reference.mock.cancel.length} bytes) after the account and message Map lookups`,
        send: `POST /v1/send ${SEND_BODY}: an immediate one-part send to one French number from an account with 1e9 credits; answer code 200 (${reference.mock.sendBytes} bytes), message stored`,
        contacts: `GET /v1/contact/list?apiKey=…&groupId=${BENCH_GROUP}&page=<p>, pages cycling over 1…${CONTACT_PAGES} of a group of ${num(CONTACT_PAGES * 20)} contacts: answer code 200 with 20 contacts (${reference.mock.contacts1.length} bytes)`,
      },
    };
    for (const [endpoint, byKind] of Object.entries(runs)) {
      out[endpoint] = {};
      for (const [kind, list] of Object.entries(byKind)) {
        out[endpoint][kind] = {
          rps: round(median(list.map((r) => r.rps)), 0),
          p50Ms: round(median(list.map((r) => r.p50)), 2),
          p99Ms: round(median(list.map((r) => r.p99)), 2),
          runsRps: list.map((r) => round(r.rps, 0)),
          cpuUsPerRequest:
            list[0].cpuUsPerRequest === null ? null : round(median(list.map((r) => r.cpuUsPerRequest)), 1),
          errors: list.reduce((sum, r) => sum + r.errors, 0),
        };
      }
      // Paired: each run's mock figure over the raw (express) one measured next to it, then the median.
      const paired = (other) =>
        round(median(byKind.mock.map((r, index) => r.rps / byKind[other][index].rps)), 3);
      out[endpoint].mockOverRaw = paired('raw');
      if (byKind.logged) {
        out[endpoint].loggedOverRaw = round(
          median(byKind.logged.map((r, index) => r.rps / byKind.raw[index].rps)),
          3,
        );
      }
      out[endpoint].mockOverExpress = paired('express');
      out[endpoint].mockOverRawOfMedians = round(out[endpoint].mock.rps / out[endpoint].raw.rps, 3);
      const cpu = (kind) => out[endpoint][kind].cpuUsPerRequest;
      out[endpoint].rawCpuOverMockCpu = cpu('mock') ? round(cpu('raw') / cpu('mock'), 3) : null;
      out[endpoint].expressCpuOverMockCpu = cpu('mock') ? round(cpu('express') / cpu('mock'), 3) : null;
    }
    return out;
  } finally {
    for (const kind of allKinds) await stopServer(servers[kind]);
  }
});

// 6. The message lifecycle: message-status at a million stored messages, and a
// burst of delivery receipts made due by one clock move, under API load.
await section('message lifecycle', 'lifecycle', async () => {
  if (spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error) {
    throw new Error('wrk not found: install it (Debian: apt-get install -y wrk)');
  }
  const wrkRun = async (server, env, seconds) => {
    const cpuBefore = cpuMs(server.child.pid);
    const [command, args] = pinned(LOAD_CPU, 'wrk', [
      `-t${SETTINGS.threads}`,
      `-c${SETTINGS.connections}`,
      `-d${seconds}s`,
      '-s',
      join(ROOT, 'bench/wrk.lua'),
      `${server.url}/v1/message-status`,
    ]);
    const result = await runJson(command, args, env);
    const cpu = cpuBefore === null ? null : cpuMs(server.child.pid) - cpuBefore;
    const errors = Object.values(result.errors).reduce((sum, count) => sum + count, 0);
    return {
      rps: result.requests / (result.duration_us / 1e6),
      p99: result.p99_us / 1000,
      cpuUsPerRequest: cpu === null ? null : (cpu * 1000) / result.requests,
      errors,
    };
  };
  const out = {};

  // A. GET /v1/message-status against a raw node:http server doing the same lookups and the same answer.
  const stored = SETTINGS.statusMessages;
  const ids = 10_000;
  const statusEnv = {
    BENCH_MODE: 'status',
    BENCH_KEY,
    BENCH_FIRST_ID: '1000',
    BENCH_IDS: String(Math.min(ids, stored)),
    BENCH_STRIDE: String(Math.max(1, Math.floor(stored / ids))),
  };
  const servers = {};
  const seedStarted = performance.now();
  for (const kind of ['mock', 'raw']) {
    servers[kind] = await startServer([SERVERS, kind, '--sent', String(stored)], { cpu: SERVER_CPU });
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  try {
    await sleep(6_500); // every message past its 6 s delivery delay: Delivered
    const answers = {};
    for (const kind of ['mock', 'raw']) {
      const last = 1000 + (Math.min(ids, stored) - 1) * Number(statusEnv.BENCH_STRIDE);
      const answer = await http(
        `${servers[kind].url}/v1/message-status?apiKey=${BENCH_KEY}&messageId=${last}&phoneNumber=%2B33600000000`,
      );
      answers[kind] = JSON.stringify({ ...JSON.parse(answer.body), date: 0 });
    }
    if (!answers.mock.includes('"statut":"Delivered"') || answers.mock !== answers.raw) {
      throw new Error(`the baseline does not answer like the mock: ${answers.mock} / ${answers.raw}`);
    }
    // The mock's own cancel on the same messages (code 7, "already sent", after the same lookups):
    // what "as fast as cancel" compares with.
    const cancelEnv = { ...statusEnv, BENCH_MODE: 'cancel' };
    for (const kind of ['mock', 'raw']) await wrkRun(servers[kind], statusEnv, SETTINGS.warmUpSeconds);
    await wrkRun(servers.mock, cancelEnv, SETTINGS.warmUpSeconds);
    const runs = { mock: [], raw: [], cancel: [] };
    for (let run = 0; run < SETTINGS.runs; run++) {
      for (const kind of run % 2 ? ['raw', 'mock', 'cancel'] : ['cancel', 'mock', 'raw']) {
        note(`  message-status at ${num(stored)} messages, ${kind} run ${run + 1}/${SETTINGS.runs}`);
        const server = kind === 'raw' ? servers.raw : servers.mock;
        runs[kind].push(await wrkRun(server, kind === 'cancel' ? cancelEnv : statusEnv, SETTINGS.seconds));
      }
    }
    const summary = (list) => ({
      rps: round(median(list.map((r) => r.rps)), 0),
      p99Ms: round(median(list.map((r) => r.p99)), 2),
      cpuUsPerRequest:
        list[0].cpuUsPerRequest === null ? null : round(median(list.map((r) => r.cpuUsPerRequest)), 1),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
    });
    out.status = {
      path: `GET /v1/message-status?apiKey=…&messageId=<id>&phoneNumber=%2B33600000000, ${statusEnv.BENCH_IDS} ids ${statusEnv.BENCH_STRIDE} apart over ${num(stored)} stored immediate sends, each Delivered (computed from the clock when asked)`,
      storedMessages: stored,
      seedSeconds: round(seedSeconds, 1),
      mock: summary(runs.mock),
      raw: summary(runs.raw),
      mockOverRaw: round(median(runs.mock.map((r, index) => r.rps / runs.raw[index].rps)), 3),
      mockCancel: summary(runs.cancel),
      statusOverCancel: round(median(runs.mock.map((r, index) => r.rps / runs.cancel[index].rps)), 3),
    };
    const cpu = (kind) => out.status[kind].cpuUsPerRequest;
    out.status.rawCpuOverMockCpu = cpu('mock') ? round(cpu('raw') / cpu('mock'), 3) : null;
  } finally {
    for (const kind of Object.keys(servers)) await stopServer(servers[kind]);
  }

  // B. N receipts made due by one clock move reach a local receiver, while wrk loads message-status.
  const receiver = await startServer([SERVERS, 'receiver'], { cpu: LOAD_CPU });
  const dueCount = SETTINGS.dueReceipts;
  const mock = await startServer(
    [SERVERS, 'mock', '--due', String(dueCount), '--dlr', `${receiver.url}/dlr`],
    {
      cpu: SERVER_CPU,
    },
  );
  try {
    const dueEnv = { BENCH_MODE: 'status', BENCH_KEY, BENCH_FIRST_ID: '1000', BENCH_IDS: String(dueCount) };
    await wrkRun(mock, dueEnv, SETTINGS.warmUpSeconds);
    const idle = await wrkRun(mock, dueEnv, SETTINGS.seconds);
    const busyRun = wrkRun(mock, dueEnv, SETTINGS.seconds);
    await sleep(200);
    const movedAt = Date.now();
    const moved = await http(`${mock.url}/__mock/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceBy: 3_606_000 }),
    });
    if (moved.status !== 200) throw new Error(`the clock move answered ${moved.status} ${moved.body}`);
    const answeredMs = Date.now() - movedAt;
    let stats;
    for (;;) {
      stats = JSON.parse((await http(`${receiver.url}/stats`)).body);
      if (stats.total >= dueCount || Date.now() - movedAt > 20_000) break;
      await sleep(50);
    }
    const busy = await busyRun;
    await sleep(1_000); // anything posted twice would arrive by now
    stats = JSON.parse((await http(`${receiver.url}/stats`)).body);
    out.receipts = {
      path: `${num(dueCount)} messages scheduled for 10:00 with urlDlr, the clock moved 3 606 000 ms in one POST /__mock/clock, while wrk loads GET /v1/message-status (-c${SETTINGS.connections}, ${SETTINGS.seconds} s)`,
      due: dueCount,
      received: stats.total,
      distinct: stats.distinct,
      duplicates: stats.duplicates,
      clockMoveAnsweredMs: answeredMs,
      allReceivedMs: stats.last === null ? null : stats.last - movedAt,
      idleRps: round(idle.rps, 0),
      busyRps: round(busy.rps, 0),
      busyOverIdle: round(busy.rps / idle.rps, 3),
      busyP99Ms: round(busy.p99, 2),
    };
  } finally {
    await stopServer(mock);
    await stopServer(receiver);
  }
  return out;
});

// ---------------------------------------------------------------- report

results.machine.loadAverageAtEnd = loadavg().map((value) => round(value));
results.seconds = round((performance.now() - started) / 1000, 1);

const target = (name, value, unit, limit, pass, text, also) => ({
  name,
  value,
  unit,
  target: text,
  ...(also ? { also } : {}),
  verdict: value === null || value === undefined ? 'n/a' : pass(value, limit) ? 'PASS' : 'MISS',
});
const atLeast = (value, limit) => value >= limit;
const below = (value, limit) => value < limit;
const atMost = (value, limit) => value <= limit;
const ok = (key) => results[key] && !results[key].error;
const targets = [];
if (ok('http')) {
  for (const endpoint of ['cancel', 'send', 'contacts']) {
    const h = results.http[endpoint];
    targets.push(
      target(
        `${endpoint}: mock/raw req/s`,
        h.mockOverRaw,
        '',
        0.45,
        atLeast,
        '>= 0.45',
        `by server CPU/request: ${h.rawCpuOverMockCpu}`,
      ),
    );
  }
  targets.push(
    target(
      'cancel, default request log: mock/raw req/s',
      results.http.cancel.loggedOverRaw,
      '',
      0.45,
      atLeast,
      '>= 0.45',
      'the CLI default (npm start), log on a drained pipe',
    ),
  );
  for (const endpoint of ['cancel', 'send']) {
    const h = results.http[endpoint];
    targets.push(
      target(
        `${endpoint}: mock p99 at 50 connections`,
        h.mock.p99Ms,
        'ms',
        5,
        below,
        '< 5 ms',
        `raw node:http: ${h.raw.p99Ms} ms`,
      ),
    );
  }
}
if (ok('cold'))
  targets.push(
    target('CLI cold start to first answer', results.cold.mockCli.medianMs, 'ms', 300, below, '< 300 ms'),
  );
if (ok('memory'))
  targets.push(
    target(
      'heap per scheduled message',
      results.memory.bytesPerMessage,
      'B',
      300,
      atMost,
      '<= 300 B',
      `${num(results.memory.store.messages)} via store.messages.schedule: ${results.memory.store.bytesPerMessage} B`,
    ),
  );
if (ok('client'))
  targets.push(
    target(
      'client per-call cost / ky',
      results.client.clientOverKy,
      'x',
      1.1,
      atMost,
      '<= 1.1x',
      `by client CPU/call: ${results.client.cpuClientOverKy}`,
    ),
  );
if (ok('bundle')) {
  targets.push(
    target('cancel-only bundle min+gz', results.bundle.cancelOnly.gzBytes / KB, 'KB', 15, atMost, '<= 15 KB'),
  );
  targets.push(
    target(
      'whole client bundle min+gz',
      results.bundle.wholeClient.gzBytes / KB,
      'KB',
      25,
      atMost,
      '<= 25 KB',
    ),
  );
}
if (ok('lifecycle')) {
  const l = results.lifecycle;
  targets.push(
    target(
      `message-status at ${num(l.status.storedMessages)} messages: mock/raw req/s`,
      l.status.mockOverRaw,
      '',
      0.45,
      atLeast,
      '>= 0.45',
      `by server CPU/request: ${l.status.rawCpuOverMockCpu}; cancel mock/raw (section 1): ${ok('http') ? results.http.cancel.mockOverRaw : 'n/a'}`,
    ),
  );
  targets.push(
    target(
      `message-status / the mock's cancel, same ${num(l.status.storedMessages)} messages`,
      l.status.statusOverCancel,
      '',
      0.9,
      atLeast,
      '>= 0.9 (as fast as cancel)',
      `${num(l.status.mock.rps)} / ${num(l.status.mockCancel.rps)} req/s`,
    ),
  );
  targets.push(
    target(
      `${num(l.receipts.due)} receipts due at once: all received, exactly once`,
      l.receipts.allReceivedMs,
      'ms',
      5_000,
      (value, limit) =>
        value <= limit && l.receipts.distinct === l.receipts.due && l.receipts.duplicates === 0,
      '<= 5000 ms, each once',
      `${num(l.receipts.received)} received, ${num(l.receipts.distinct)} distinct, ${l.receipts.duplicates} duplicates`,
    ),
  );
  targets.push(
    target(
      'API throughput while the receipts go out / idle',
      l.receipts.busyOverIdle,
      '',
      0.8,
      atLeast,
      '>= 0.8',
      `${num(l.receipts.busyRps)} / ${num(l.receipts.idleRps)} req/s`,
    ),
  );
}
results.targets = targets;
if (failures.length > 0) results.failures = failures;

const lines = [];
const row = (...cells) => lines.push(cells.join('  '));
lines.push(
  '',
  `smspartner-kit bench — Node ${process.version}, ${CORES} CPU (${results.machine.cpuModel}), load average ${results.machine.loadAverageAtStart.join(' ')} → ${results.machine.loadAverageAtEnd.join(' ')}`,
);
if (ok('http')) {
  const h = results.http;
  lines.push(
    '',
    `1. HTTP, wrk -t${SETTINGS.threads} -c${SETTINGS.connections}, ${SETTINGS.seconds} s × ${SETTINGS.runs} runs (median) after ${SETTINGS.warmUpSeconds} s warm-up; ${TASKSET ? `server on CPU ${SERVER_CPU}, wrk on CPU ${LOAD_CPU}` : 'unpinned'}`,
  );
  lines.push(
    `   cancel: ${h.paths.cancel}`,
    `   send:   ${h.paths.send}`,
    `   contacts: ${h.paths.contacts}`,
  );
  row('   endpoint', 'server       ', '     req/s', '  p50 ms', '  p99 ms', 'CPU µs/req', 'runs req/s');
  for (const endpoint of ['cancel', 'send', 'contacts']) {
    for (const [kind, label] of [
      ['mock', 'mock'],
      ['raw', 'raw node:http'],
      ['express', 'bare express'],
      ['logged', 'mock + log'],
    ]) {
      const r = h[endpoint][kind];
      if (!r) continue;
      row(
        `   ${endpoint.padEnd(8)}`,
        label.padEnd(13),
        num(r.rps).padStart(10),
        num(r.p50Ms, 2).padStart(8),
        num(r.p99Ms, 2).padStart(8),
        num(r.cpuUsPerRequest, 1).padStart(10),
        r.runsRps.join(' / ') + (r.errors ? `  (${r.errors} errors)` : ''),
      );
    }
    lines.push(
      `   ${endpoint}: mock/raw ${h[endpoint].mockOverRaw}${h[endpoint].loggedOverRaw === undefined ? '' : `, with the default log ${h[endpoint].loggedOverRaw}`}, mock/bare-express ${h[endpoint].mockOverExpress} (req/s, median of per-run ratios); ` +
        `by server CPU per request: raw/mock ${h[endpoint].rawCpuOverMockCpu}, express/mock ${h[endpoint].expressCpuOverMockCpu}`,
    );
  }
}
if (ok('cold')) {
  const c = results.cold;
  lines.push(
    '',
    `2. Cold start, spawn → first cancel answer, median of ${SETTINGS.coldRuns} (min; CPU the process used by then)`,
  );
  for (const [kind, label] of [
    ['mockCli', 'mock CLI (bin/smspartner-mock.js --port 0 --quiet)'],
    ['raw', 'raw node:http script'],
    ['express', 'bare Express script'],
  ]) {
    lines.push(
      `   ${label.padEnd(50)} ${num(c[kind].medianMs, 1).padStart(7)} ms  (min ${num(c[kind].minMs, 1)}; CPU ${num(c[kind].cpuMedianMs)} ms)`,
    );
  }
  lines.push(
    `   node -e 0 (spawn to exit, the floor)               ${num(c.nodeExitFloor.medianMs, 1).padStart(7)} ms`,
  );
}
if (ok('memory')) {
  const m = results.memory;
  lines.push('', '3. Heap per scheduled message (--expose-gc, heapUsed after gc(), before/after)');
  lines.push(
    `   ${`${num(m.handlers.messages)} via dispatch('sendSms') (scheduled)`.padEnd(52)} ${num(m.handlers.bytesPerMessage, 1).padStart(7)} B/message  (${num(m.handlers.usPerScheduledSend, 1)} µs per scheduled send)`,
  );
  lines.push(
    `   ${`${num(m.store.messages)} via store.messages.schedule (handler-built shape)`.padEnd(52)} ${num(m.store.bytesPerMessage, 1).padStart(7)} B/message  (${num(m.store.ms)} ms)`,
  );
}
if (ok('lifecycle')) {
  const l = results.lifecycle;
  lines.push(
    '',
    `6. Message lifecycle, wrk -t${SETTINGS.threads} -c${SETTINGS.connections}, ${SETTINGS.seconds} s × ${SETTINGS.runs} runs (median)`,
    `   message-status at ${num(l.status.storedMessages)} stored messages (seeded in ${l.status.seedSeconds} s): mock ${num(l.status.mock.rps)} req/s (p99 ${l.status.mock.p99Ms} ms, ${l.status.mock.cpuUsPerRequest} µs CPU), raw ${num(l.status.raw.rps)} req/s (p99 ${l.status.raw.p99Ms} ms, ${l.status.raw.cpuUsPerRequest} µs CPU): ${l.status.mockOverRaw}; the mock's cancel on the same messages ${num(l.status.mockCancel.rps)} req/s (status/cancel ${l.status.statusOverCancel})`,
    `   ${num(l.receipts.due)} receipts due at one clock move: ${num(l.receipts.received)} received (${num(l.receipts.distinct)} distinct, ${l.receipts.duplicates} duplicates) in ${num(l.receipts.allReceivedMs)} ms; the move answered in ${l.receipts.clockMoveAnsweredMs} ms; message-status ${num(l.receipts.busyRps)} req/s meanwhile vs ${num(l.receipts.idleRps)} idle (${l.receipts.busyOverIdle}, p99 ${l.receipts.busyP99Ms} ms)`,
  );
}
if (ok('client')) {
  const c = results.client;
  lines.push(
    '',
    `4. Client per-call cost, ${num(c.calls)} sequential cancel calls per variant (median of ${SETTINGS.clientRounds} interleaved rounds)`,
  );
  lines.push(
    `   raw fetch + JSON.parse   ${num(c.usPerCall.fetch, 1).padStart(8)} µs/call  CPU ${num(c.cpuUsPerCall.fetch, 1).padStart(6)} µs   rounds ${c.rounds.fetch.join(' / ')}`,
  );
  lines.push(
    `   bare ky .json()          ${num(c.usPerCall.ky, 1).padStart(8)} µs/call  CPU ${num(c.cpuUsPerCall.ky, 1).padStart(6)} µs   rounds ${c.rounds.ky.join(' / ')}`,
  );
  lines.push(
    `   client, cancel route     ${num(c.usPerCall.client, 1).padStart(8)} µs/call  CPU ${num(c.cpuUsPerCall.client, 1).padStart(6)} µs   rounds ${c.rounds.client.join(' / ')}`,
  );
  lines.push(
    `   client/raw ${c.clientOverRaw}, client/ky ${c.clientOverKy}, ky/raw ${c.kyOverRaw} (wall); by CPU: client/raw ${c.cpuClientOverRaw}, client/ky ${c.cpuClientOverKy}`,
  );
}
if (ok('bundle')) {
  lines.push(
    '',
    '5. Browser bundles (esbuild: platform browser, esm, minify, tree shaking; gzip -9; 1 KB = 1000 B)',
  );
  for (const name of Object.keys(APPS)) {
    const b = results.bundle[name];
    lines.push(
      `   ${b.label.padEnd(40)} ${`${num(b.gzBytes / KB, 2)} KB`.padStart(10)} min+gz  ${`${num(b.minBytes / KB, 1)} KB`.padStart(9)} min`,
    );
  }
}
lines.push('', 'Targets');
for (const t of targets) {
  const value =
    t.value === null
      ? 'n/a'
      : `${num(t.value, t.unit === 'x' || t.unit === '' ? 3 : t.unit === 'KB' ? 2 : 1)}${t.unit ? ` ${t.unit}` : ''}`;
  lines.push(
    `   ${t.verdict.padEnd(4)}  ${t.name.padEnd(36)} ${value.padStart(12)}   target ${t.also ? `${t.target.padEnd(9)}  (${t.also})` : t.target}`,
  );
}
for (const failure of failures) lines.push(`   FAILED  ${failure}`);
lines.push('', `took ${results.seconds} s; figures in bench/results.json`, '');
process.stdout.write(lines.join('\n'));

writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(failures.length > 0 ? 1 : 0);

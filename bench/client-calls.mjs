// Client per-call cost. Run by bench/run.mjs as
//   node bench/client-calls.mjs <baseUrl> [calls] [rounds]
// (default: 20,000 calls per variant, in 4 interleaved rounds of 5,000)
// against a server answering the cancel success body to every request
// (bench/servers.mjs fixed, in another process). Sequential calls, same URL
// (GET /v1/message-cancel?apiKey=bench-key&messageId=1000), keep-alive:
//   fetch   globalThis.fetch + res.text() + JSON.parse
//   ky      ky(url, { headers: { accept } }).json()  (the ky the client uses)
//   client  createTransport({ baseUrl, apiKey }).call(cancelSmsRoute, { messageId }), the client's
//           and the schema's dist (ky's prefix and searchParams build the URL; the answer is read
//           and validated against the route's response schema)
// Each variant warms up, then rounds interleave the variants; prints one JSON line
// with the µs/call of every round.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT_DIR = join(ROOT, 'packages/client');
const { createTransport } = await import(pathToFileURL(join(CLIENT_DIR, 'dist/index.js')).href);
const { cancelSmsRoute } = await import(pathToFileURL(join(ROOT, 'packages/schema/dist/index.js')).href);
const { default: ky } = await import(
  pathToFileURL(createRequire(join(CLIENT_DIR, 'package.json')).resolve('ky')).href
);

const baseUrl = process.argv[2];
const CALLS = Number(process.argv[3] ?? 20_000);
const ROUNDS = Number(process.argv[4] ?? 4);
const PER_ROUND = Math.ceil(CALLS / ROUNDS);
const WARM_UP = 500;
const KEY = 'bench-key';
const MESSAGE_ID = 1000;
const url = `${baseUrl}/v1/message-cancel?apiKey=${KEY}&messageId=${MESSAGE_ID}`;
const headers = { accept: 'application/json' };
const transport = createTransport({ baseUrl, apiKey: KEY });

const variants = {
  fetch: async () => {
    const response = await fetch(url, { headers });
    return JSON.parse(await response.text());
  },
  ky: () => ky(url, { headers }).json(),
  client: () => transport.call(cancelSmsRoute, { messageId: MESSAGE_ID }),
};

for (const [name, call] of Object.entries(variants)) {
  const answer = await call();
  if (answer?.success !== true || answer.code !== 200)
    throw new Error(`${name} answered ${JSON.stringify(answer)}`);
}

/** Wall µs per call, and this process's CPU µs per call (steadier on a busy machine). */
async function run(call, calls) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  const used = process.cpuUsage(cpu);
  return { wall: ((performance.now() - started) * 1000) / calls, cpu: (used.user + used.system) / calls };
}

for (const call of Object.values(variants)) await run(call, WARM_UP);
const rounds = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
const cpuRounds = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
const names = Object.keys(variants);
for (let round = 0; round < ROUNDS; round++) {
  // rotate the order so that no variant always runs first
  for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
    const { wall, cpu } = await run(variants[name], PER_ROUND);
    rounds[name].push(wall);
    cpuRounds[name].push(cpu);
  }
}
process.stdout.write(
  `${JSON.stringify({ calls: PER_ROUND * ROUNDS, perRound: PER_ROUND, warmUp: WARM_UP, rounds, cpuRounds })}\n`,
);

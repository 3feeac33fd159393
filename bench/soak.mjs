// A soak of the mock at its default bounds: bulk sandbox sends of 500 recipients × 1,530
// characters (the heaviest request the API allows), as fast as one connection goes, against the
// CLI started with a small heap. Prints RSS over time, how many sends were stored and how many
// refused with code 500 once the store was full, and whether the mock stayed up. A report, not a test.
//
//   node bench/soak.mjs [--seconds 60] [--heap-mb 256]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './bundles.mjs';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, 'heap-mb': { type: 'string', default: '256' } },
});
const seconds = Number(values.seconds);
const heapMb = Number(values['heap-mb']);
const cli = join(ROOT, 'apps/mock-server/bin/smspartner-mock.js');
const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, cli, '--port', '0', '--quiet'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /http:\/\/[\d.]+:\d+/.exec(out);
    if (match) resolve(match[0]);
  });
  child.once('exit', (code) => reject(new Error(`the mock exited (${code}) before listening`)));
});
const rssMb = () => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return Number.NaN;
  }
};
const text = 'a'.repeat(1530);
const body = JSON.stringify({
  apiKey: 'test-funded-key',
  sandbox: 1,
  SMSList: Array.from({ length: 500 }, (_, i) => ({
    phoneNumber: `06${String(10_000_000 + i).padStart(8, '0')}`,
    message: text,
  })),
});
const counts = {};
let alive = true;
child.once('exit', () => {
  alive = false;
});
const started = performance.now();
let maxRss = 0;
let nextSample = 0;
const samples = [];
while (alive && performance.now() - started < seconds * 1000) {
  try {
    const answer = await fetch(`${url}/v1/bulk-send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const code = (await answer.json()).code;
    counts[code] = (counts[code] ?? 0) + 1;
  } catch {
    counts.error = (counts.error ?? 0) + 1;
    if (!alive) break;
  }
  const rss = rssMb();
  maxRss = Math.max(maxRss, rss);
  const elapsed = (performance.now() - started) / 1000;
  if (elapsed >= nextSample) {
    samples.push(`${elapsed.toFixed(0)} s: ${rss.toFixed(0)} MB`);
    nextSample += 10;
  }
}
const usage = alive
  ? await fetch(`${url}/__mock/messages?apiKey=test-funded-key&limit=1`).then((answer) => answer.json())
  : undefined;
process.stdout.write(
  `soak: ${seconds} s, heap limit ${heapMb} MB, bulk sends of 500 × 1530 characters (sandbox)\n` +
    `  answers by code: ${JSON.stringify(counts)}\n` +
    `  RSS: ${samples.join(', ')}; max ${maxRss.toFixed(0)} MB\n` +
    `  store usage: ${usage ? JSON.stringify(usage.usage) : 'n/a'}\n` +
    `  the mock ${alive ? 'stayed up' : 'DIED'}\n`,
);
child.kill('SIGTERM');

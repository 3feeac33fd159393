// Heap bytes per scheduled message in the mock. Run by bench/run.mjs as
//   node --expose-gc bench/memory.mjs [storeCount] [handlerCount]
// Prints one JSON line.
//
// Two measures, both in this process, with gc() before each heapUsed reading,
// both including the account's Map growth:
// - `handlers` (the verdict): handlerCount (default 20,000) scheduled sends through
//   the mock's own pipeline, dispatch('sendSms', …) (apiKey, one French number, text
//   "Bench message <i>", scheduledDeliveryDate/time/minute): what a real
//   scheduled send keeps, strings as the handler builds them. About 0.1 ms a
//   send on a small VM, hence not a million of them.
// - `store` (the scale check): storeCount (default 1,000,000) messages through
//   store.messages.schedule, each a copy of the draft the handler itself passed to
//   it (captured), with its own flat text and E.164 number string.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc');
  process.exit(2);
}
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { createStore, defaultConfigInput, dispatch, parseConfig } = await import(
  pathToFileURL(join(ROOT, 'apps/mock-server/dist/index.js')).href
);

const COUNT = Number(process.argv[2] ?? 1_000_000);
const HANDLER_COUNT = Number(process.argv[3] ?? 20_000);
const KEY = 'bench-memory-key';

// Limits raised above the default (500,000 stored recipients): this measures a million messages.
const config = parseConfig({
  ...defaultConfigInput,
  limits: { messages: 5_000_000, textChars: 500_000_000 },
});
const store = createStore(config);
store.upsertAccount(KEY, 1e9);
const context = { store, config };

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const scheduled = (i, apiKey = KEY) => ({
  apiKey,
  phoneNumbers: `06${String(i % 100_000_000).padStart(8, '0')}`,
  message: `Bench message ${i}`,
  scheduledDeliveryDate: '15/01/2030',
  time: 10,
  minute: 0,
});

// Capture what the handler stores, and warm up the handler path on a throwaway account.
let template;
const schedule = store.messages.schedule;
store.messages.schedule = function capture(account, draft, now) {
  template ??= draft;
  return schedule.call(this, account, draft, now);
};
store.upsertAccount('warm-up', 1e9);
for (let i = 0; i < 2_000; i++) {
  const answer = dispatch('sendSms', scheduled(i, 'warm-up'), context).body;
  if (answer.code !== 200) throw new Error(`send answered ${JSON.stringify(answer)}`);
}
store.resetAccount('warm-up');
delete store.messages.schedule; // back to the prototype's method

// 1. Through the handler.
let before = heap();
let started = performance.now();
for (let i = 0; i < HANDLER_COUNT; i++) dispatch('sendSms', scheduled(i), context);
const handlerMs = performance.now() - started;
let after = heap();
const account = store.account(KEY);
if (account.messages.size !== HANDLER_COUNT)
  throw new Error(`expected ${HANDLER_COUNT} messages, got ${account.messages.size}`);
const viaHandlers = {
  messages: HANDLER_COUNT,
  bytesPerMessage: (after - before) / HANDLER_COUNT,
  usPerSend: (handlerMs * 1000) / HANDLER_COUNT,
};
store.resetAccount(KEY);
store.upsertAccount(KEY, 1e9);

// 2. Through the store, COUNT messages shaped as the handler shapes them.
const fresh = store.account(KEY);
const hasText = typeof template.message === 'string';
const hasNumbers = Array.isArray(template.phoneNumbers);
before = heap();
started = performance.now();
for (let i = 0; i < COUNT; i++) {
  const message = { ...template };
  if (hasText) message.message = `Bench message ${i}`;
  if (hasNumbers) message.phoneNumbers = [`+336${String(i % 100_000_000).padStart(8, '0')}`];
  store.messages.schedule(fresh, message, 0);
}
const storeMs = performance.now() - started;
after = heap();
if (fresh.messages.size !== COUNT) throw new Error(`expected ${COUNT} messages, got ${fresh.messages.size}`);

process.stdout.write(
  `${JSON.stringify({
    viaStore: { messages: COUNT, bytesPerMessage: (after - before) / COUNT, ms: storeMs, heapAfter: after },
    viaHandlers,
    storedFields: Object.keys(fresh.messages.values().next().value),
  })}\n`,
);

#!/usr/bin/env node
// The fidelity check: replays the contracts' safe interactions against the real
// SMS Partner API (or any stand-in) and prints where the real answers' HTTP
// statuses, codes and shapes differ from what the pacts expect. The pacts prove
// that the client and the mock agree; this is how to prove the mock against
// SMS Partner itself.
//
//   SMSPARTNER_API_KEY=<key> pnpm fidelity [--base-url <url>] [--only <text>] [--delay <ms>]
//
// Without SMSPARTNER_API_KEY it prints that it is skipped and exits 0.
// SMSPARTNER_BASE_URL (or --base-url) replaces https://api.smspartner.fr: the
// tests point it at the mock, as a stand-in.
//
// Safe means: nothing is sent and nothing is charged.
//  - Reads (`GET /v1/me`, the statuses) are replayed as they are.
//  - Sends go only to endpoints with a documented sandbox (single, bulk,
//    long-number), always with `sandbox: 1` added; survey sends have no
//    sandbox and are never replayed.
//  - Cancels target only messages this run created in the sandbox (the pact's
//    provider state is arranged that way), or no message at all (no key, an
//    unknown key, no id).
//  - Provider states that cannot be set up on a real account (a blocked
//    account, a fault, a message due in 4 minutes, ...) are skipped, with the
//    reason printed.
// Compared: the HTTP status, `success` and `code`, and the shape (keys and
// value types, under the pact's matchers) of every answer; values are not.
// The key never appears in the output. Exits 1 when an answer differs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: cli } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    only: { type: 'string' },
    delay: { type: 'string' },
    pacts: { type: 'string' },
  },
});
const say = (line) => process.stdout.write(`${redact(line)}\n`);
const apiKey = process.env.SMSPARTNER_API_KEY ?? '';
function redact(text) {
  return apiKey ? String(text).replaceAll(apiKey, 'REDACTED') : String(text);
}

if (!apiKey) {
  say(
    'fidelity: skipped: SMSPARTNER_API_KEY is not set. With a key of a funded SMS Partner account it replays the\n' +
      "contracts' safe interactions (credits, sandbox sends, statuses, cancels of its own sandbox messages) and\n" +
      'prints where the real answers differ from the pacts.',
  );
  process.exit(0);
}

const baseUrl = (cli['base-url'] ?? process.env.SMSPARTNER_BASE_URL ?? 'https://api.smspartner.fr').replace(
  /\/$/,
  '',
);
const isLocal = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:|\/|$)/.test(baseUrl);
const delayMs = Number(cli.delay ?? (isLocal ? 0 : 300));
const { decodeXml, toScheduleFields } = await import(join(ROOT, 'packages/schema/dist/index.js'));

/** What each endpoint may be replayed as. Anything else is skipped. */
const SAFE = {
  'GET /v1/me': 'read',
  'GET /v1/message-status': 'read',
  'POST /v1/multi-status': 'read',
  'GET /v1/bulk-status': 'read',
  'GET /v1/bulk-status-by-tag': 'read',
  'GET /v1/statistics/cost-resume': 'read',
  'POST /v1/send': 'send',
  'POST /v1/bulk-send': 'send',
  'POST /v1/vn/send': 'send',
  'GET /v1/message-cancel': 'cancel',
};
/** Account settings a provider state may ask for that any funded account has, or that only name it. */
const NEUTRAL_SETTINGS = new Set(['apiKey', 'username', 'name']);
const NEUTRAL_VALUES = { marketing: false };

// ---------------------------------------------------------------------------
// Plan: one entry per interaction, replayed or skipped with a reason.

function planOf(interaction) {
  const request = interaction.request;
  const route = `${request.method} ${request.path}`;
  const kind = SAFE[route];
  if (!kind) {
    return {
      skip:
        route === 'POST /v1/sondage/to/send'
          ? 'survey sends have no sandbox: replaying one would send real SMS'
          : `${route} is not on the list of endpoints that are safe to replay`,
    };
  }
  const states = interaction.providerStates ?? [];
  if (states.length > 1) return { skip: 'more than one provider state' };
  const state = states[0];
  const params = state?.params ?? {};
  const usesRealKey = state !== undefined;
  let arrange;
  if (state) {
    switch (state.name) {
      case 'an account with credits':
        break;
      case 'an account with settings': {
        const specific = Object.entries(params).filter(
          ([name, value]) => !NEUTRAL_SETTINGS.has(name) && NEUTRAL_VALUES[name] !== value,
        );
        if (specific.length > 0) {
          return {
            skip: `needs account settings a real account may not have: ${specific.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(', ')}`,
          };
        }
        break;
      }
      case 'a scheduled message': {
        const minutes = typeof params.minutesUntilSend === 'number' ? params.minutesUntilSend : 60;
        if (minutes < 15)
          return { skip: `needs a message due in ${minutes} minutes, which cannot be timed reliably` };
        arrange = { schedule: minutes + 10 };
        break;
      }
      case 'a sent message':
        arrange = { schedule: 0 };
        break;
      case 'a cancelled message':
        arrange = { schedule: 70, cancel: true };
        break;
      default:
        return { skip: `provider state "${state.name}" cannot be set up on a real account` };
    }
  }
  if (kind === 'cancel' && usesRealKey && !arrange) {
    const id = queryOf(request).messageId;
    if (id !== undefined && id !== '') {
      return { skip: `would cancel message ${id}, which this run did not create` };
    }
  }
  return { kind, arrange, usesRealKey, pactKey: params.apiKey };
}

function queryOf(request) {
  return Object.fromEntries(Object.entries(request.query ?? {}).map(([name, list]) => [name, list[0]]));
}

// ---------------------------------------------------------------------------
// Requests.

let lastRequestAt = 0;
async function call(method, path, { query, body } = {}) {
  assertSafe(method, path, query, body);
  const wait = lastRequestAt + delayMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  lastRequestAt = Date.now();
  const url = new URL(`${baseUrl}${path}`);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, String(value));
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

/** The last line of defence: no request leaves unless it is one of the safe kinds. */
const createdIds = new Set();
function assertSafe(method, path, query, body) {
  const kind = SAFE[`${method} ${path}`];
  if (kind === 'send' && body?.sandbox !== 1) throw new Error(`refusing a send without sandbox: ${path}`);
  if (kind === 'cancel') {
    const id = query?.messageId;
    const withRealKey = query?.apiKey === apiKey;
    if (withRealKey && id !== undefined && id !== '' && !createdIds.has(String(id))) {
      throw new Error(`refusing to cancel message ${id}: not created by this run`);
    }
  }
  if (!kind) throw new Error(`refusing ${method} ${path}: not a safe endpoint`);
}

/** A sandbox message of our own: scheduled `minutes` ahead (on a five-minute step), or immediate. */
async function sandboxMessage(minutes) {
  const body = { apiKey, phoneNumbers: '+33600000000', message: 'smspartner-kit fidelity check', sandbox: 1 };
  if (minutes > 0) {
    const step = 5 * 60_000;
    const at = Math.ceil((Date.now() + minutes * 60_000) / step) * step;
    const fields = toScheduleFields(at);
    if (!fields.ok) throw new Error(`cannot schedule at ${new Date(at).toISOString()}`);
    Object.assign(body, fields.fields);
  }
  const answer = await call('POST', '/v1/send', { body });
  const parsed = JSON.parse(answer.text);
  if (!parsed.success) throw new Error(`arranging a sandbox message failed: code ${parsed.code}`);
  const id = String(parsed.message_id);
  createdIds.add(id);
  return id;
}

// ---------------------------------------------------------------------------
// Comparison.

const typeOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Differences between what the pact expects and what came back, by JSON path. */
function compareShapes(expected, actual, rules, path = '$', out = [], positional = false) {
  const matcher = rules[path]?.matchers?.[0]?.match;
  if (matcher === 'integer' && !Number.isInteger(actual)) {
    out.push(`${path}: expected an integer, got ${typeOf(actual)} ${JSON.stringify(actual)}`);
    return out;
  }
  if (matcher === 'decimal' && typeof actual !== 'number') {
    out.push(`${path}: expected a number, got ${typeOf(actual)}`);
    return out;
  }
  if (matcher === 'regex') {
    const regex = new RegExp(rules[path].matchers[0].regex);
    if (typeof actual !== 'string' || !regex.test(actual))
      out.push(`${path}: does not match /${regex.source}/`);
    return out;
  }
  if (typeOf(expected) !== typeOf(actual)) {
    out.push(`${path}: expected ${typeOf(expected)}, got ${typeOf(actual)}`);
    return out;
  }
  if (Array.isArray(expected)) {
    // XML entries are positional: more entries than the pact's are fields it does not name (a note).
    const short = positional ? actual.length < expected.length : actual.length !== expected.length;
    if (short) out.push(`${path}: expected ${expected.length} items, got ${actual.length}`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      compareShapes(expected[i], actual[i], rules, `${path}[${i}]`, out, positional);
    }
  } else if (typeOf(expected) === 'object') {
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) out.push(`${path}.${key}: missing`);
      else compareShapes(expected[key], actual[key], rules, `${path}.${key}`, out, positional);
    }
  }
  return out;
}

function extraKeys(expected, actual, path = '$', out = [], positional = false) {
  if (positional && Array.isArray(expected) && Array.isArray(actual) && actual.length > expected.length) {
    out.push(`${path}[${expected.length}..${actual.length - 1}]`);
  }
  if (typeOf(expected) === 'object' && typeOf(actual) === 'object') {
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) out.push(`${path}.${key}`);
      else extraKeys(expected[key], actual[key], `${path}.${key}`, out, positional);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      extraKeys(expected[i], actual[i], `${path}[${i}]`, out, positional);
    }
  }
  return out;
}

function compare(interaction, answer) {
  const expected = interaction.response;
  const differences = [];
  if (answer.status !== expected.status)
    differences.push(`HTTP status: pact ${expected.status}, real ${answer.status}`);
  const body = expected.body;
  if (!body) return { differences, notes: [] };
  const xml = /xml/.test(body.contentType ?? '');
  let actual;
  try {
    actual = xml ? decodeXml(answer.text) : JSON.parse(answer.text);
  } catch {
    differences.push(
      `body: expected ${xml ? 'XML' : 'JSON'}, got ${answer.type || 'no content type'}: ${answer.text.slice(0, 120)}`,
    );
    return { differences, notes: [] };
  }
  const wanted = xml ? decodeXml(body.content) : body.content;
  const pick = (value, key, index) => (xml ? value?.[index] : value?.[key]);
  for (const [key, index] of [
    ['success', 0],
    ['code', 1],
  ]) {
    const want = pick(wanted, key, index);
    const got = pick(actual, key, index);
    if (want !== undefined && String(want) !== String(got))
      differences.push(`${key}: pact ${want}, real ${got}`);
  }
  const rules = xml ? {} : (expected.matchingRules?.body ?? {});
  const shapes = compareShapes(wanted, actual, rules, '$', [], xml);
  differences.push(...shapes.filter((line) => !/^\$(\.success|\.code|\[[01]\]):/.test(line)));
  return {
    differences,
    notes: extraKeys(wanted, actual, '$', [], xml).map((path) => `${path}: not in the pact`),
  };
}

// ---------------------------------------------------------------------------
// Replay.

const pactDir = cli.pacts ?? join(ROOT, 'contracts');
const interactions = readdirSync(pactDir)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => JSON.parse(readFileSync(join(pactDir, name), 'utf8')).interactions ?? [])
  .filter((interaction) => !cli.only || interaction.description.includes(cli.only));

say(`fidelity: ${interactions.length} interactions from ${pactDir}, against ${baseUrl}`);
const counts = { same: 0, differ: 0, skipped: 0, failed: 0 };
for (const interaction of interactions) {
  if (!interaction.request) {
    // An asynchronous message (a webhook the API posts to your URL): nothing to replay.
    counts.skipped++;
    say(
      `skip    webhook — ${interaction.description}\n        a webhook message, not a request: nothing to replay`,
    );
    continue;
  }
  const plan = planOf(interaction);
  const title = `${interaction.request.method} ${interaction.request.path} — ${interaction.description}`;
  if (plan.skip) {
    counts.skipped++;
    say(`skip    ${title}\n        ${plan.skip}`);
    continue;
  }
  try {
    const key = (value) => (plan.usesRealKey && value === plan.pactKey ? apiKey : value);
    const query = Object.fromEntries(
      Object.entries(queryOf(interaction.request)).map(([n, v]) => [n, key(v)]),
    );
    let body = interaction.request.body?.content;
    if (body && typeof body === 'object') {
      body = Object.fromEntries(Object.entries(body).map(([n, v]) => [n, key(v)]));
      if (plan.kind === 'send') body.sandbox = 1;
    }
    if (plan.arrange) {
      const id = await sandboxMessage(plan.arrange.schedule);
      if (plan.arrange.cancel) await call('GET', '/v1/message-cancel', { query: { apiKey, messageId: id } });
      if ('messageId' in query) query.messageId = id;
      if (body && typeof body === 'object' && 'messageId' in body) body.messageId = id;
    }
    const answer = await call(interaction.request.method, interaction.request.path, {
      query,
      body: interaction.request.method === 'GET' ? undefined : body,
    });
    const { differences, notes } = compare(interaction, answer);
    if (differences.length === 0) {
      counts.same++;
      say(`same    ${title}${notes.length ? `\n        note: ${notes.join('; ')}` : ''}`);
    } else {
      counts.differ++;
      say(
        `DIFFERS ${title}\n${[...differences, ...notes.map((note) => `note: ${note}`)].map((line) => `        ${line}`).join('\n')}`,
      );
    }
  } catch (error) {
    counts.failed++;
    say(`FAILED  ${title}\n        ${error instanceof Error ? error.message : String(error)}`);
  }
}
say(
  `fidelity: ${counts.same} same, ${counts.differ} differ, ${counts.skipped} skipped, ${counts.failed} could not run (${createdIds.size} sandbox messages created)`,
);
process.exit(counts.differ + counts.failed > 0 ? 1 : 0);

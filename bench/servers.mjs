// The servers the benchmark loads, one per child process:
//   node bench/servers.mjs <kind> [--seed <n>] [--port <n>]
// kinds:
//   mock     the mock (apps/mock-server/dist, startMockServer, no request log)
//   logged   the mock as `npm start` runs it: the CLI's default request log (batched) on stdout, a pipe
//            that bench/run.mjs drains, as a CI job's log capture does
//   raw      node:http doing the mock's work by hand: parse the query / JSON body, Map lookups, same JSON answer
//   express  a bare Express 5 app (the mock's Express, the mock's app settings), same work as raw
//   fixed    node:http answering the cancel success body to every request (client per-call cost)
// Prints `listening on http://127.0.0.1:<port>` once ready (after seeding), like the mock's CLI.
//
// --seed n: an account `bench-key` with 1e9 credits, n scheduled messages (ids 1000…),
// all cancelled, so that GET /v1/message-cancel on any of them answers code 5
// ("already canceled") after a real lookup, and POST /v1/send is funded. The
// account also holds group 6363 of BENCH_CONTACTS (100,000) contacts, for
// GET /v1/contact/list (20 a page).
// --sent n (instead): n immediate sends to +33600000000 (ids 1000…), Delivered 6 s
// later, for GET /v1/message-status (a cancel of one answers 7, "already sent").
// --due n --dlr <url> (mock only): the clock frozen at 15/01/2030 09:00 Paris and n
// messages scheduled for 10:00 with urlDlr <url>, so that one clock move of
// 3 606 000 ms makes n delivery receipts due at once.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MOCK_DIR = join(ROOT, 'apps/mock-server');

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: '0' },
    sent: { type: 'string', default: '0' },
    due: { type: 'string', default: '0' },
    dlr: { type: 'string' },
    port: { type: 'string', default: '0' },
  },
});
const kind = positionals[0];
const seed = Number(values.seed);
const sentCount = Number(values.sent);
const due = Number(values.due);
const port = Number(values.port);

export const BENCH_KEY = 'bench-key';
const FIRST_ID = 1000;
const JSON_TYPE = 'application/json; charset=utf-8';
const CANCEL_SUCCESS = 'The SMS sending has been canceled.';
// The mock's catalogue texts, repeated here so that the baselines load nothing;
// bench/run.mjs checks that every baseline answers byte for byte what the mock answers.
const TEXT = {
  1: 'API key is required',
  3: 'Message ID is required',
  4: 'Message not found',
  5: 'The SMS has already been canceled',
  10: 'Invalid API key',
  11: 'Not enough credits',
};
const SEND_AT = Date.UTC(2030, 0, 15, 9, 0); // 15/01/2030 10:00 Paris
export const BENCH_GROUP = '6363';
export const BENCH_CONTACTS = 100_000;
const CONTACTS_PER_PAGE = 20;
const FIRST_CONTACT_ID = 1_000_000;
const CONTACT_CREATED = '2030-01-15T10:00:00+01:00'; // SEND_AT, as the mock writes createdAt
const CONTACT_TEXT = {
  10: 'API key is required or invalid',
  404: 'The group does not exist',
};
const benchPhone = (index) => `+336${String(index).padStart(8, '0')}`;

const failure = (code) => JSON.stringify({ success: false, code, message: TEXT[code] });

/**
 * The hand-written state and rules of the baselines: the same Map lookups as
 * the mock (account by key, message by id), the same answers.
 */
function baselineState() {
  const accounts = new Map();
  let nextId = FIRST_ID;
  const account = { credits: 1e9, messages: new Map() };
  accounts.set(BENCH_KEY, account);
  for (let i = 0; i < seed; i++) {
    const id = nextId++;
    account.messages.set(id, {
      id,
      phoneNumbers: ['+33600000000'],
      nbSms: 1,
      sendAt: SEND_AT,
      cancelledAt: Date.now(),
    });
  }
  const sentAt = Date.now();
  for (let i = 0; i < sentCount; i++) {
    const id = nextId++;
    account.messages.set(id, {
      id,
      phoneNumbers: ['+33600000000'],
      nbSms: 1,
      sendAt: sentAt,
      cancelledAt: undefined,
    });
  }
  const stopList = new Set();
  /** GET /v1/message-status by hand: lookups, the number, the state from the clock, the same answer. */
  const status = (params) => {
    const apiKey = params.apiKey;
    if (!apiKey) return failure(1);
    const acc = accounts.get(apiKey);
    if (!acc) return failure(10);
    const raw = params.messageId;
    if (raw === undefined || raw === '') return failure(3);
    const number = params.phoneNumber;
    if (!number) return JSON.stringify({ success: false, code: 2, message: 'Phone number is required' });
    const message = /^\s*\d+\s*$/.test(String(raw)) ? acc.messages.get(Number(raw)) : undefined;
    const e164 = number.startsWith('0') ? `+33${number.slice(1)}` : number;
    if (!message?.phoneNumbers.includes(e164)) return failure(4);
    const deliveredAt = message.sendAt + 6000;
    const delivered = Date.now() >= deliveredAt;
    return JSON.stringify({
      success: true,
      code: 200,
      number: e164,
      messageId: String(message.id),
      stopSms: stopList.has(e164),
      date: String(Math.floor((delivered ? deliveredAt : message.sendAt) / 1000)),
      statut: delivered ? 'Delivered' : 'Waiting',
      cost: 0.038,
      countryCode: 'FR',
      currency: 'EUR',
    });
  };
  const cancel = (params) => {
    const apiKey = params.apiKey;
    if (!apiKey) return failure(1);
    const acc = accounts.get(apiKey);
    if (!acc) return failure(10);
    const raw = params.messageId;
    if (raw === undefined || raw === '') return failure(3);
    if (!/^\s*\d+\s*$/.test(String(raw))) return failure(4);
    if (acc.credits <= 0) return failure(11);
    const message = acc.messages.get(Number(raw));
    if (!message) return failure(4);
    if (message.cancelledAt !== undefined) return failure(5);
    message.cancelledAt = Date.now();
    acc.credits += message.nbSms;
    return JSON.stringify({ success: true, code: 200, message: CANCEL_SUCCESS });
  };
  const send = (params) => {
    if (typeof params !== 'object' || params === null) return JSON.stringify({ success: false, code: 90 });
    const acc = accounts.get(params.apiKey);
    if (!acc) return failure(10);
    if (typeof params.phoneNumbers !== 'string' || typeof params.message !== 'string') {
      return JSON.stringify({ success: false, code: 9 });
    }
    const nbSms = 1;
    if (acc.credits < nbSms) return failure(11);
    acc.credits -= nbSms;
    const id = nextId++;
    const now = Date.now();
    acc.messages.set(id, {
      id,
      phoneNumbers: [params.phoneNumbers],
      message: params.message,
      nbSms,
      sendAt: now,
      cancelledAt: undefined,
    });
    return JSON.stringify({
      success: true,
      code: 200,
      message_id: id,
      nb_sms: nbSms,
      cost: 0.038,
      currency: 'EUR',
    });
  };
  // The contact list: the same group of contacts, stored as records, a page built per request.
  const contacts = [];
  for (let i = 0; i < BENCH_CONTACTS; i++) {
    contacts.push({
      id: String(FIRST_CONTACT_ID + i),
      phone: benchPhone(i),
      firstname: '',
      lastname: '',
      url: '',
      shortUrl: '',
      date: '',
      custom1: '',
      custom2: '',
      custom3: '',
      custom4: '',
      createdAt: CONTACT_CREATED,
    });
  }
  account.groups = new Map([[BENCH_GROUP, { contacts }]]);
  account.stopList = new Set();
  const contactFailure = (code) => JSON.stringify({ success: false, code, message: CONTACT_TEXT[code] });
  const contactList = (params) => {
    const acc = accounts.get(params.apiKey);
    if (!acc) return contactFailure(10);
    const group = acc.groups.get(params.groupId);
    if (!group) return contactFailure(404);
    const asked = /^\d{1,15}$/.test(params.page ?? '') ? Number(params.page) : 1;
    const page = Math.max(asked, 1);
    const start = (page - 1) * CONTACTS_PER_PAGE;
    const datas = group.contacts.slice(start, start + CONTACTS_PER_PAGE).map((contact) => ({
      contactId: contact.id,
      phone: contact.phone,
      firstname: contact.firstname,
      lastname: contact.lastname,
      url: contact.url,
      shortUrl: contact.shortUrl,
      date: contact.date,
      custom1: contact.custom1,
      custom2: contact.custom2,
      custom3: contact.custom3,
      custom4: contact.custom4,
      createdAt: contact.createdAt,
      stopSms: acc.stopList.has(contact.phone),
    }));
    return JSON.stringify({
      success: true,
      code: 200,
      currentPage: page,
      total: String(group.contacts.length),
      datas,
    });
  };
  return { cancel, send, status, contactList };
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

async function startRaw() {
  const state = baselineState();
  const server = createServer((req, res) => {
    const answer = (text) => {
      res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    const q = req.url.indexOf('?');
    const path = q === -1 ? req.url : req.url.slice(0, q);
    if (req.method === 'GET' && path === '/v1/message-cancel') {
      const params = Object.fromEntries(new URLSearchParams(q === -1 ? '' : req.url.slice(q + 1)));
      answer(state.cancel(params));
    } else if (req.method === 'GET' && path === '/v1/message-status') {
      const params = Object.fromEntries(new URLSearchParams(q === -1 ? '' : req.url.slice(q + 1)));
      answer(state.status(params));
    } else if (req.method === 'GET' && path === '/v1/contact/list') {
      const params = Object.fromEntries(new URLSearchParams(q === -1 ? '' : req.url.slice(q + 1)));
      answer(state.contactList(params));
    } else if (req.method === 'POST' && path === '/v1/send') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        let params;
        try {
          params = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          params = null;
        }
        answer(state.send(params));
      });
    } else {
      res.writeHead(404, { 'Content-Type': JSON_TYPE });
      res.end('{"success":false,"code":404}');
    }
  });
  return listen(server);
}

async function startExpress() {
  // The mock's own Express, with the mock's app settings, so the gap is the mock's code.
  const express = createRequire(join(MOCK_DIR, 'package.json'))('express');
  const state = baselineState();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.get('/v1/message-cancel', (req, res) => {
    res.type(JSON_TYPE).send(state.cancel(req.query));
  });
  app.get('/v1/contact/list', (req, res) => {
    res.type(JSON_TYPE).send(state.contactList(req.query));
  });
  app.post('/v1/send', express.json({ type: () => true }), (req, res) => {
    res.type(JSON_TYPE).send(state.send(req.body));
  });
  const server = app.listen(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return `http://127.0.0.1:${server.address().port}`;
}

async function startMock(logged = false) {
  const mockDist = (file) => pathToFileURL(join(MOCK_DIR, 'dist', file)).href;
  const { startMockServer, dispatch } = await import(mockDist('index.js'));
  let log;
  if (logged) {
    const { createLogWriter } = await import(mockDist('http/log.js'));
    log = createLogWriter((chunk) => process.stdout.write(chunk));
  }
  const { defaultConfigInput } = await import(mockDist('index.js'));
  const stored = Math.max(seed, sentCount, due);
  const mock = await startMockServer({
    port,
    ...(log ? { log } : {}),
    // Room for every seeded message (the default bound is 500,000 recipients).
    config: { ...defaultConfigInput, limits: { messages: Math.max(500_000, stored * 2) } },
  });
  mock.store.upsertAccount(BENCH_KEY, 1e9);
  const context = { store: mock.store, config: mock.config };
  for (let i = 0; i < sentCount; i++) {
    const sent = dispatch(
      'sendSms',
      { apiKey: BENCH_KEY, phoneNumbers: '0600000000', message: `Bench message ${i}` },
      context,
    ).body;
    if (sent.code !== 200) throw new Error(`seeding: send answered ${JSON.stringify(sent)}`);
  }
  if (due > 0) {
    mock.store.clock.set(Date.UTC(2030, 0, 15, 8, 0));
    for (let i = 0; i < due; i++) {
      const sent = dispatch(
        'sendSms',
        {
          apiKey: BENCH_KEY,
          phoneNumbers: '0600000000',
          message: `Bench message ${i}`,
          scheduledDeliveryDate: '15/01/2030',
          time: 10,
          minute: 0,
          urlDlr: values.dlr,
        },
        context,
      ).body;
      if (sent.code !== 200) throw new Error(`seeding: send answered ${JSON.stringify(sent)}`);
    }
  }
  // Scheduled through the mock's own pipeline, then cancelled through it.
  for (let i = 0; i < seed; i++) {
    const sent = dispatch(
      'sendSms',
      {
        apiKey: BENCH_KEY,
        phoneNumbers: '0600000000',
        message: `Bench message ${i}`,
        scheduledDeliveryDate: '15/01/2030',
        time: 10,
        minute: 0,
      },
      context,
    ).body;
    if (sent.code !== 200) throw new Error(`seeding: send answered ${JSON.stringify(sent)}`);
    const cancelled = dispatch(
      'cancelSms',
      { apiKey: BENCH_KEY, messageId: String(sent.message_id) },
      context,
    ).body;
    if (cancelled.code !== 200) throw new Error(`seeding: cancel answered ${JSON.stringify(cancelled)}`);
  }
  mock.store.upsertAccount(BENCH_KEY, 1e9);
  // The contact list's group, through the contact book (the state module every handler uses).
  const account = mock.store.account(BENCH_KEY);
  const group = mock.store.contacts.createGroup(account, 'Bench', SEND_AT, BENCH_GROUP);
  if (!group.ok) throw new Error(`seeding: the group was refused (${group.reason})`);
  const empty = { firstname: '', lastname: '', date: '', shortUrlPartnr: '', url: '' };
  const custom = { custom1: '', custom2: '', custom3: '', custom4: '' };
  for (let i = 0; i < BENCH_CONTACTS; i++) {
    const added = mock.store.contacts.insertContact(
      account,
      BENCH_GROUP,
      { phone: benchPhone(i), ...empty, ...custom },
      SEND_AT,
    );
    if (!added.ok) throw new Error(`seeding: a contact was refused (${added.reason})`);
  }
  return mock.url;
}

async function startFixed() {
  const body = JSON.stringify({ success: true, code: 200, message: CANCEL_SUCCESS });
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
  return listen(server);
}

/**
 * A webhook receiver for the delivery bench: counts receipts (by messageId and
 * number, so a duplicate shows) and answers 204. Its stats at GET /stats.
 */
async function startReceiver() {
  const seen = new Map();
  let first = null;
  let last = null;
  let total = 0;
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      const body = JSON.stringify({ total, distinct: seen.size, duplicates: total - seen.size, first, last });
      res.writeHead(200, { 'Content-Type': JSON_TYPE });
      res.end(body);
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let receipt;
      try {
        receipt = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        receipt = { messageId: 'malformed', number: String(total) };
      }
      const key = `${receipt.messageId} ${receipt.number}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      total++;
      const now = Date.now();
      first ??= now;
      last = now;
      res.writeHead(204);
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  return listen(server);
}

const starters = {
  receiver: startReceiver,
  mock: () => startMock(false),
  logged: () => startMock(true),
  raw: startRaw,
  express: startExpress,
  fixed: startFixed,
};
if (!starters[kind]) {
  process.stderr.write(
    `usage: node bench/servers.mjs <${Object.keys(starters).join('|')}> [--seed n] [--port n]\n`,
  );
  process.exit(2);
}
const url = await starters[kind]();
process.stdout.write(`listening on ${url}\n`);
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));

import { timingSafeEqual } from 'node:crypto';
import { type AnyEndpoint, endpoints, formatAmount, isDeliveryStatus } from '@smspartner-kit/schema';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { type Clock, isClockTime } from '../core/clock.js';
import {
  accountConfig,
  defaultConfigInput,
  MAX_CREDITS,
  type MockConfig,
  parseConfig,
} from '../core/config.js';
import { TEST_NUMBERS } from '../rules/delivery.js';
import type { Account } from '../state/accounts.js';
import { AccountHandles } from '../state/inbox.js';
import { fingerprint } from '../state/journal.js';
import type { Store } from '../state/store.js';
import { webhookView } from '../state/webhooks.js';
import { accountHandles } from './account-handle.js';
import { ACCOUNT_ADMIN_ROUTES, accountAdminRoutes } from './admin-accounts.js';
import { mountFaultRoutes } from './admin-faults.js';
import { mockOpenApiDocument } from './admin-openapi.js';
import { mountSeedRoute, SEED_BODY_LIMIT } from './admin-seed.js';
import { allowedOrigin, type CorsPolicy } from './cors.js';
import { inboxRouter } from './inbox.js';
import type { SecretScrubber } from './secrets.js';

/** The admin API's routes, as its 404 lists them. */
export const ADMIN_ROUTES = [
  'GET /__mock/clock',
  'POST /__mock/clock',
  'POST /__mock/reset',
  'POST /__mock/accounts',
  'GET /__mock/accounts',
  'GET /__mock/messages',
  'POST /__mock/messages/:id/status',
  'POST /__mock/replies',
  'GET /__mock/webhooks',
  'POST /__mock/webhooks/flush',
  'GET /__mock/test-numbers',
  'GET /__mock/requests',
  'POST /__mock/faults',
  'GET /__mock/rate-limits',
  'POST /__mock/rate-limits',
  'GET /__mock/hlr',
  'GET /__mock/rcs',
  ...ACCOUNT_ADMIN_ROUTES,
  'GET /__mock/faults',
  'DELETE /__mock/faults',
  'POST /__mock/seed',
  'GET /__mock/openapi.json',
  'GET /__mock/inbox/state',
  'GET /__mock/inbox/messages',
  'GET /__mock/inbox/messages/:id',
  'POST /__mock/inbox/cancel',
  'POST /__mock/inbox/clock/next',
  'GET /__mock/inbox/events',
] as const;

/** Longest wait `POST /__mock/webhooks/flush` accepts, in real milliseconds. */
export const FLUSH_LIMIT_MS = 60_000;

/** The endpoints that document a per-minute limit, and that limit. */
const RATE_LIMITED = (Object.values(endpoints) as AnyEndpoint[]).flatMap((endpoint) =>
  endpoint.rateLimit ? [[endpoint.name, endpoint.rateLimit.perMinute] as const] : [],
);

/** Largest limit or count `POST /__mock/rate-limits` takes. */
const RATE_LIMIT_MAX = 1_000_000_000;

/** Largest page of `GET /__mock/messages` and `GET /__mock/requests`. */
export const ADMIN_PAGE_LIMIT = 1000;

export interface AdminOptions {
  /** Origins allowed to change state (the CORS policy): others get 403. */
  cors: CorsPolicy;
  /** When set, every admin request must carry it (`Authorization: Bearer …` or `X-Mock-Admin-Token`). */
  adminToken?: string | undefined;
  scrub: SecretScrubber;
  /** The config the API answers with (the inbox's cancel runs the API's own pipeline). */
  config?: MockConfig | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_TYPE = /^application\/([\w.+-]*\+)?json\s*(;|$)/i;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The password of a `Basic` Authorization header: how a browser sends the admin token to the inbox. */
function basicPassword(header: string | undefined): string | undefined {
  if (typeof header !== 'string' || !header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * Who may use the admin API. Its routes change every account's state, so a
 * page on another site must not reach them: a state-changing request from a
 * browser (it carries an `Origin`) must come from an origin of the CORS
 * policy (else 403), and any request with a body must be sent as
 * `application/json` (else 415), which a cross-site form or a no-cors fetch
 * cannot do without a preflight. With an admin token configured, every admin
 * request must carry it (else 401).
 */
export function adminGuard(options: AdminOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (options.adminToken !== undefined) {
      const header = req.headers.authorization;
      const given =
        (typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined) ??
        basicPassword(header) ??
        req.headers['x-mock-admin-token'];
      if (typeof given !== 'string' || !sameSecret(given, options.adminToken)) {
        // A browser opening the inbox asks for the token as a password (any user name), then sends it on every request.
        res.setHeader('WWW-Authenticate', 'Basic realm="smspartner-mock admin", charset="UTF-8"');
        res.status(401).json({
          error: 'This mock requires its admin token: send Authorization: Bearer <token>',
        });
        return;
      }
    }
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && allowedOrigin(options.cors, origin) === undefined) {
      res.status(403).json({ error: 'Admin requests from this origin are refused (see --cors-origin)' });
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
    const type = req.headers['content-type'];
    if ((hasBody || origin !== undefined) && (typeof type !== 'string' || !JSON_TYPE.test(type))) {
      res.status(415).json({ error: 'Admin requests that change state must be sent as application/json' });
      return;
    }
    next();
  };
}

/** A whole number from a query value, within bounds; undefined when absent, null when invalid. */
function wholeParam(value: unknown, min: number, max: number): number | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

/**
 * The admin API under `/__mock/`, for tests and manual play. Its answers are
 * plain JSON (not SMS Partner's envelope) and never contain an apiKey; bad
 * input gets a 400 with a reason, never a crash. Every operation here also
 * exists on the Store for in-process use.
 */
export function adminRouter(store: Store, options: AdminOptions): Router {
  const router = express.Router();
  router.use(adminGuard(options));
  const smallJson = express.json({ limit: '64kb', type: () => true });
  const seedJson = express.json({ limit: SEED_BODY_LIMIT, type: () => true });
  router.use((req, res, next) => (req.path === '/seed' ? seedJson : smallJson)(req, res, next));
  const handles = new AccountHandles(store);
  router.use(accountHandles(handles));
  // Whatever an admin request changed, the inbox shows it.
  router.use((req, res, next) => {
    if (!SAFE_METHODS.has(req.method)) res.once('finish', () => store.changes.notify());
    next();
  });
  // No key leaves through the admin API either: every answer is scrubbed.
  router.use((_req, res, next) => {
    res.json = (body: unknown) => {
      const text = options.scrub.text(JSON.stringify(body) ?? 'null');
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', Buffer.byteLength(text));
      res.end(text);
      return res;
    };
    next();
  });

  const bad = (res: Response, error: string) => res.status(400).json({ error });
  const body = (req: Request): Record<string, unknown> =>
    typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? req.body : {};
  const keyFrom = (value: unknown): string | undefined | null =>
    value === undefined ? undefined : typeof value === 'string' && value !== '' ? value : null;

  router.get('/clock', (req, res) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    if (apiKey !== undefined && !store.account(apiKey))
      return res.status(404).json({ error: 'No such account' });
    res.json(store.clockFor(apiKey).state());
  });

  router.post('/clock', (req, res) => {
    const input = body(req);
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const { now, advanceBy, frozen } = input;
    if ((now === undefined) === (advanceBy === undefined) && frozen === undefined) {
      return bad(res, 'Send {"now": ISO-8601} or {"advanceBy": milliseconds} (optionally "frozen": boolean)');
    }
    if (now !== undefined && advanceBy !== undefined)
      return bad(res, 'Send either "now" or "advanceBy", not both');
    let target: number | undefined;
    if (now !== undefined) {
      target = typeof now === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(now) ? Date.parse(now) : Number.NaN;
      if (!Number.isFinite(target))
        return bad(res, '"now" must be an ISO-8601 date-time, e.g. 2030-01-15T09:00:00+01:00');
    }
    if (advanceBy !== undefined && (typeof advanceBy !== 'number' || !Number.isSafeInteger(advanceBy))) {
      return bad(res, '"advanceBy" must be a whole number of milliseconds');
    }
    if (frozen !== undefined && typeof frozen !== 'boolean') return bad(res, '"frozen" must be a boolean');
    if (apiKey !== undefined && !store.account(apiKey))
      return res.status(404).json({ error: 'No such account' });
    // Checked before anything moves: no request can leave a clock outside the range it can show.
    const from = store.clockFor(apiKey).now();
    if (!isClockTime(target ?? from + (typeof advanceBy === 'number' ? advanceBy : 0))) {
      return bad(
        res,
        'The clock can show 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z: nothing changed',
      );
    }
    const clock = apiKey === undefined ? store.clock : (store.ownClock(apiKey) as Clock);
    if (target !== undefined) clock.set(target, frozen === undefined ? {} : { frozen });
    else if (typeof advanceBy === 'number') clock.advanceBy(advanceBy);
    if (frozen !== undefined && target === undefined) clock.setFrozen(frozen);
    res.json(clock.state());
  });

  router.post('/reset', (req, res) => {
    const apiKey = keyFrom(body(req).apiKey);
    if (apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    if (apiKey === undefined) {
      store.reset();
      return res.json({ reset: 'all' });
    }
    if (!store.resetAccount(apiKey)) return res.status(404).json({ error: 'No such account' });
    res.json({ reset: 'account' });
  });

  router.post('/accounts', (req, res) => {
    const input = body(req);
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    if (apiKey.length > 200) return bad(res, 'apiKey is too long (200 characters at most)');
    const { credits, balance, apiKey: _key, ...settings } = input;
    if (credits !== undefined && balance !== undefined) return bad(res, 'Send credits or balance, not both');
    if (credits === undefined && balance === undefined) {
      return bad(
        res,
        `Send credits (a whole number of SMS credits, 0 to ${MAX_CREDITS}) or balance (EUR, e.g. "12.5")`,
      );
    }
    if (
      credits !== undefined &&
      (typeof credits !== 'number' || !Number.isSafeInteger(credits) || credits < 0 || credits > MAX_CREDITS)
    ) {
      return bad(res, `credits must be a whole number of SMS credits, 0 to ${MAX_CREDITS}`);
    }
    if (balance !== undefined && typeof balance !== 'string' && typeof balance !== 'number') {
      return bad(res, 'balance must be a decimal amount in EUR, e.g. "12.5"');
    }
    const money = credits !== undefined ? { credits } : { balance: String(balance) };
    if (store.balanceFor(money) === undefined) {
      return bad(res, 'The balance must be 0 to 1000000000 EUR with at most 6 decimals, so it stays exact');
    }
    const hasSettings = Object.keys(settings).length > 0;
    if (hasSettings && store.account(apiKey)) {
      return bad(
        res,
        'settings apply to a new account only: reset this one first (POST /__mock/reset {"apiKey"})',
      );
    }
    const checked = accountConfig.safeParse({ ...settings, apiKey });
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      return bad(res, `invalid account settings: ${problems.join('; ')}`);
    }
    const { apiKey: _same, credits: _credits, balance: _balance, ...parsedSettings } = checked.data;
    const { created, account } = store.upsertAccount(apiKey, money, parsedSettings);
    res.status(created ? 201 : 200).json({
      created,
      credits: account.credits,
      balance: formatAmount(account.balanceMicros, 6),
    });
  });

  router.get('/accounts', (req, res) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey query parameter is required');
    const account = store.account(apiKey);
    if (!account) return res.status(404).json({ error: 'No such account' });
    const { name, username, firstname, lastname } = account.settings;
    res.json({
      name: name ?? null,
      fingerprint: fingerprint(apiKey),
      username: username ?? null,
      firstname: firstname ?? null,
      lastname: lastname ?? null,
      credits: account.credits,
      balance: formatAmount(account.balanceMicros, 6),
      messages: account.messages.size,
    });
  });

  mountFaultRoutes(router, store, { bad, body, keyFrom });
  mountSeedRoute(router, store);

  router.get('/messages', (req, res) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey query parameter is required');
    const limit = wholeParam(req.query.limit, 1, ADMIN_PAGE_LIMIT);
    const after = wholeParam(req.query.cursor, 0, Number.MAX_SAFE_INTEGER);
    if (limit === null) return bad(res, `limit must be a whole number from 1 to ${ADMIN_PAGE_LIMIT}`);
    if (after === null) return bad(res, 'cursor must be the nextCursor of the previous page');
    const page = store.messagePage(apiKey, {
      limit: limit ?? ADMIN_PAGE_LIMIT,
      ...(after !== undefined ? { after } : {}),
    });
    if (!page) return res.status(404).json({ error: 'No such account' });
    res.json({ ...page, usage: store.messages.usage() });
  });

  router.post('/messages/:messageId/status', (req, res) => {
    const input = body(req);
    const id = /^\d{1,15}$/.test(req.params.messageId ?? '') ? Number(req.params.messageId) : Number.NaN;
    if (!Number.isSafeInteger(id)) return bad(res, 'the message id must be a whole number');
    if (!isDeliveryStatus(input.status))
      return bad(res, 'status must be "Delivered", "Not delivered" or "Waiting"');
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const { phoneNumber } = input;
    if (phoneNumber !== undefined && (typeof phoneNumber !== 'string' || phoneNumber === ''))
      return bad(res, 'phoneNumber must be a non-empty string');
    const forced = store.forceOutcome(id, input.status, { apiKey, phoneNumber });
    if (!forced.ok) {
      if (forced.reason === 'not-found') return res.status(404).json({ error: 'No such message' });
      if (forced.reason === 'invalid-number') return bad(res, 'phoneNumber is not a valid phone number');
      if (forced.reason === 'not-a-recipient')
        return res.status(409).json({ error: 'That number is not a recipient of this message' });
      return res.status(409).json({ error: 'A cancelled message never delivers' });
    }
    const page = store.messages.list(forced.account, store.clockFor(forced.account.apiKey).now(), {
      after: id - 1,
      limit: 1,
    });
    res.json(page.messages[0]);
  });

  router.post('/replies', (req, res) => {
    const input = body(req);
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const { from, to, messageId, postbackData } = input;
    if (typeof from !== 'string' || from === '')
      return bad(res, 'from must be the phone number that replies');
    if (postbackData !== undefined && (typeof postbackData !== 'string' || postbackData === ''))
      return bad(res, "postbackData must be the tapped suggestion's postbackData");
    // A tap sends the suggestion's own text: `text` may be left out then.
    const text = input.text === undefined && postbackData !== undefined ? '' : input.text;
    if (typeof text !== 'string' || text.length > 10_000)
      return bad(res, 'text must be a string (10000 characters at most)');
    if (to !== undefined && (typeof to !== 'string' || to === ''))
      return bad(res, 'to must be a virtual number');
    if (messageId !== undefined && !(typeof messageId === 'number' && Number.isSafeInteger(messageId)))
      return bad(res, 'messageId must be a whole number');
    const outcome = store.receiveReply(apiKey, {
      from,
      text,
      ...(to !== undefined ? { to: to as string } : {}),
      ...(messageId !== undefined ? { messageId: messageId as number } : {}),
      ...(postbackData !== undefined ? { postbackData: postbackData as string } : {}),
    });
    if (!outcome) return res.status(404).json({ error: 'No such account' });
    if (!outcome.ok) return res.status(outcome.status).json({ error: outcome.reason });
    res.status(201).json({
      messageId: outcome.messageId ?? null,
      stopListed: outcome.stopListed,
      webhooks: outcome.webhooks.map(webhookView),
    });
  });

  router.get('/webhooks', (req, res) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey query parameter is required');
    const account = store.account(apiKey);
    if (!account) return res.status(404).json({ error: 'No such account' });
    const limit = wholeParam(req.query.limit, 1, ADMIN_PAGE_LIMIT);
    const before = wholeParam(req.query.cursor, 0, Number.MAX_SAFE_INTEGER);
    if (limit === null) return bad(res, `limit must be a whole number from 1 to ${ADMIN_PAGE_LIMIT}`);
    if (before === null) return bad(res, 'cursor must be the nextCursor of the previous page');
    store.catchUp(account);
    const page = store.webhooks.list(account, { before, limit: limit ?? 100 });
    res.json({
      webhooks: page.webhooks.map(webhookView),
      nextCursor: page.nextCursor,
      settled: store.webhooks.isSettled(account),
      usage: store.webhooks.usage(),
    });
  });

  router.post('/webhooks/flush', async (req, res) => {
    const input = body(req);
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const account = apiKey === undefined ? undefined : store.account(apiKey);
    if (apiKey !== undefined && !account) return res.status(404).json({ error: 'No such account' });
    const { timeoutMs = 10_000 } = input;
    if (
      typeof timeoutMs !== 'number' ||
      !Number.isSafeInteger(timeoutMs) ||
      timeoutMs < 0 ||
      timeoutMs > FLUSH_LIMIT_MS
    )
      return bad(res, `timeoutMs must be a whole number of milliseconds, 0 to ${FLUSH_LIMIT_MS}`);
    if (account) store.catchUp(account);
    else store.pump();
    const settled = await store.webhooks.settled(account, timeoutMs);
    res.json({ settled });
  });

  router.get('/test-numbers', (_req, res) => {
    res.json({
      testNumbers: TEST_NUMBERS.map(({ number, outcome, delayMs, reply, description }) => ({
        number,
        outcome,
        delayMs,
        reply: reply?.text ?? null,
        description,
      })),
    });
  });

  router.get('/requests', (req, res) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const account = apiKey === undefined ? undefined : store.account(apiKey);
    if (apiKey !== undefined && !account) return res.status(404).json({ error: 'No such account' });
    const { endpoint } = req.query;
    if (endpoint !== undefined && (typeof endpoint !== 'string' || !Object.hasOwn(endpoints, endpoint))) {
      return bad(res, `endpoint must be one of: ${Object.keys(endpoints).join(', ')}`);
    }
    const code = wholeParam(req.query.code, 0, 999);
    const limit = wholeParam(req.query.limit, 1, ADMIN_PAGE_LIMIT);
    const before = wholeParam(req.query.cursor, 0, Number.MAX_SAFE_INTEGER);
    if (code === null) return bad(res, 'code must be a whole number');
    if (limit === null) return bad(res, `limit must be a whole number from 1 to ${ADMIN_PAGE_LIMIT}`);
    if (before === null) return bad(res, 'cursor must be the nextCursor of the previous page');
    res.json(
      store.journal.query(
        { account, endpoint: endpoint as string | undefined, code, before, limit: limit ?? 100 },
        options.scrub,
      ),
    );
  });

  const rateWindows = (account: Account) => {
    const now = store.clockFor(account.apiKey).now();
    return Object.fromEntries(
      RATE_LIMITED.map(([name, limit]) => [name, store.rateLimits.view(account, name, limit, now)]),
    );
  };

  /** The account a GET names in `?apiKey=`; otherwise the 400 or 404 is sent and undefined returned. */
  const queriedAccount = (req: Request, res: Response) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === undefined || apiKey === null) {
      bad(res, 'apiKey query parameter is required');
      return undefined;
    }
    const account = store.account(apiKey);
    if (!account) res.status(404).json({ error: 'No such account' });
    return account;
  };

  router.get('/rate-limits', (req, res) => {
    const account = queriedAccount(req, res);
    if (account) res.json(rateWindows(account));
  });

  router.post('/rate-limits', (req, res) => {
    const input = body(req);
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const { endpoint, used, limit } = input;
    const documented = RATE_LIMITED.find(([name]) => name === endpoint)?.[1];
    if (documented === undefined) {
      return bad(res, `endpoint must be one of: ${RATE_LIMITED.map(([name]) => name).join(', ')}`);
    }
    const whole = (value: unknown) =>
      typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= RATE_LIMIT_MAX;
    if (used === undefined && limit === undefined) {
      return bad(
        res,
        'Send "used" (requests counted this minute) and/or "limit" (per minute, null for the documented one)',
      );
    }
    if (used !== undefined && !whole(used))
      return bad(res, `used must be a whole number from 0 to ${RATE_LIMIT_MAX}`);
    if (limit !== undefined && limit !== null && !whole(limit)) {
      return bad(res, `limit must be a whole number from 0 to ${RATE_LIMIT_MAX}, or null`);
    }
    const account = store.account(apiKey);
    if (!account) return res.status(404).json({ error: 'No such account' });
    const now = store.clockFor(apiKey).now();
    if (limit !== undefined)
      store.rateLimits.setLimit(account, endpoint as string, limit === null ? undefined : (limit as number));
    if (used !== undefined) store.rateLimits.fill(account, endpoint as string, used as number, now);
    res.json(store.rateLimits.view(account, endpoint as string, documented, now));
  });

  router.get('/hlr', (req, res) => {
    const account = queriedAccount(req, res);
    if (!account) return;
    res.json({
      creditHlr: account.hlrCredits,
      campaigns: store.hlr.list(account).map((campaign) => ({
        ...campaign,
        tag: campaign.tag ?? null,
        notifyUrl: campaign.notifyUrl ?? null,
        createdAt: new Date(campaign.createdAt).toISOString(),
      })),
    });
  });

  router.get('/rcs', (req, res) => {
    const account = queriedAccount(req, res);
    if (!account) return;
    res.json({
      sends: store.rcs.list(account).map((send) => ({ ...send, failover: send.failover ?? null })),
    });
  });
  accountAdminRoutes(router, store, { bad, body, keyFrom, wholeParam });
  // The OpenAPI document of the API and of this admin API, with this mock as its server.
  const documents = new Map<string, string>();
  router.get('/openapi.json', (req, res) => {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    let text = documents.get(origin);
    if (text === undefined) {
      if (documents.size >= 16) documents.clear();
      text = JSON.stringify(mockOpenApiDocument(origin));
      documents.set(origin, text);
    }
    res.json(JSON.parse(text));
  });

  router.use(
    '/inbox',
    inboxRouter(store, {
      cors: options.cors,
      config: options.config ?? parseConfig(defaultConfigInput),
      handles,
      adminRouter: router,
    }),
  );

  router.use((req, res) => {
    res.status(404).json({
      error: `Unknown admin route ${req.method} ${options.scrub.url(`/__mock${req.path}`)}`,
      routes: ADMIN_ROUTES,
    });
  });
  return router;
}

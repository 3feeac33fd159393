import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cancelSmsRoute } from '@smspartner-kit/schema';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { MockConfig } from '../core/config.js';
import { dispatch } from '../core/dispatch.js';
import type { MessageState } from '../rules/message-state.js';
import type { Account } from '../state/accounts.js';
import {
  type AccountHandles,
  findMessage,
  inboxAccount,
  inboxPage,
  nextEvent,
  partsOf,
} from '../state/inbox.js';
import type { Store } from '../state/store.js';
import { allowedOrigin, type CorsPolicy } from './cors.js';

/** Largest inbox page. */
export const INBOX_PAGE_LIMIT = 500;
/** Live-update streams open at once: more get 429, so a runaway page cannot hold every socket. */
export const INBOX_STREAM_LIMIT = 32;
/** A comment line on every stream this often, so proxies and browsers keep it open. */
const HEARTBEAT_MS = 15_000;

export interface InboxOptions {
  cors: CorsPolicy;
  config: MockConfig;
  handles: AccountHandles;
  /** The admin router, whose routes the page reads to know which controls it can offer. */
  adminRouter: Router;
}

const STATES: readonly MessageState[] = ['scheduled', 'sent', 'cancelled'];

type Listed = { path: unknown; methods?: string[]; router?: unknown };

/** The admin routes as `METHOD /__mock/path`, mounted routers included (Express 5's router lists them). */
export function adminRoutesOf(router: unknown, prefix = '/__mock'): string[] {
  const listed = (router as { listRoutes?: () => Listed[] }).listRoutes?.() ?? [];
  return listed.flatMap(({ path, methods, router: mounted }) => {
    if (typeof path !== 'string') return [];
    if (mounted) return adminRoutesOf(mounted, `${prefix}${path}`);
    return (methods ?? [])
      .filter((method) => method !== '*' && method !== 'HEAD')
      .map((method) => `${method} ${prefix}${path}`);
  });
}

/**
 * The inbox's own reads and actions, under `/__mock/inbox`, behind the admin
 * API's guard (token, JSON bodies, origins). Everything here names accounts
 * by handle (fingerprint), so the page never holds a key; reads also refuse a
 * foreign `Origin`, so another site cannot follow the stream or list messages.
 */
export function inboxRouter(store: Store, options: InboxOptions): Router {
  const router = express.Router();
  const { handles } = options;
  let streams = 0;

  router.use((req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin !== undefined && allowedOrigin(options.cors, origin) === undefined) {
      res.status(403).json({ error: 'Inbox requests from this origin are refused (see --cors-origin)' });
      return;
    }
    next();
  });

  const bad = (res: Response, error: string) => res.status(400).json({ error });
  const whole = (value: unknown, max: number): number | undefined | null => {
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return null;
    const number = Number(value);
    return number >= 1 && number <= max ? number : null;
  };
  const text = (value: unknown): string | undefined | null =>
    value === undefined || value === ''
      ? undefined
      : typeof value === 'string' && value.length <= 200
        ? value
        : null;
  const accountOf = (handle: unknown): Account | undefined | null => {
    if (handle === undefined || handle === '') return undefined;
    const found = typeof handle === 'string' ? handles.resolve(handle) : undefined;
    return found === 'ambiguous' || found === undefined ? null : found;
  };

  router.get('/inbox.js', serveInboxAsset('inbox.js'));
  router.get('/inbox.css', serveInboxAsset('inbox.css'));

  router.get('/state', (_req, res) => {
    res.json({
      clock: store.clock.state(),
      accounts: handles.all().map(({ account }) => inboxAccount(handles, account)),
      usage: store.messages.usage(),
      version: store.changes.version,
      routes: adminRoutesOf(options.adminRouter),
    });
  });

  router.get('/messages', (req, res) => {
    const account = accountOf(req.query.account);
    if (account === null) return res.status(404).json({ error: 'No such account' });
    const to = text(req.query.to);
    const tag = text(req.query.tag);
    const words = text(req.query.text);
    if (to === null || tag === null || words === null)
      return bad(res, 'to, tag and text are strings of at most 200 characters');
    const { state } = req.query;
    if (state !== undefined && state !== '' && !STATES.includes(state as MessageState)) {
      return bad(res, `state must be one of: ${STATES.join(', ')}`);
    }
    const limit = whole(req.query.limit, INBOX_PAGE_LIMIT);
    const before = whole(req.query.cursor, Number.MAX_SAFE_INTEGER);
    if (limit === null) return bad(res, `limit must be a whole number from 1 to ${INBOX_PAGE_LIMIT}`);
    if (before === null) return bad(res, 'cursor must be the nextCursor of the previous page');
    res.json(
      inboxPage(store, handles, {
        accounts: account ? [account] : undefined,
        to,
        tag,
        text: words,
        state: state === '' ? undefined : (state as MessageState | undefined),
        before,
        limit: limit ?? 50,
      }),
    );
  });

  router.get('/messages/:id', (req, res) => {
    const id = whole(req.params.id, Number.MAX_SAFE_INTEGER);
    const found = id ? findMessage(handles, id) : undefined;
    if (!found) return res.status(404).json({ error: 'No such message' });
    const { account, message } = found;
    res.json({
      ...store.messages.view(message, store.clockFor(account.apiKey).now(), account),
      account: { id: handles.handleOf(account), label: account.name ?? handles.handleOf(account) },
      kind: message.kind,
      parts: partsOf(message),
    });
  });

  // The API's own cancel, for the message's account: the same rule, codes and refund.
  router.post('/cancel', (req, res) => {
    const messageId = (req.body as Record<string, unknown> | undefined)?.messageId;
    if (typeof messageId !== 'number' || !Number.isSafeInteger(messageId))
      return bad(res, 'messageId must be a message id');
    const found = findMessage(handles, messageId);
    if (!found) return res.status(404).json({ error: 'No such message' });
    const outcome = dispatch(
      cancelSmsRoute.name,
      { apiKey: found.account.apiKey, messageId },
      { store, config: options.config },
    );
    res.json(outcome.body);
  });

  // To the next scheduled send on the store's clock (accounts with their own clock move on their own).
  router.post('/clock/next', (_req, res) => {
    const next = nextEvent(store, handles);
    if (next) store.clock.set(next.at, { frozen: store.clock.state().frozen });
    res.json({ ...store.clock.state(), messageId: next?.messageId ?? null });
  });

  router.get('/events', (req, res) => {
    if (streams >= INBOX_STREAM_LIMIT) {
      res.status(429).json({ error: `At most ${INBOX_STREAM_LIMIT} inbox streams at once` });
      return;
    }
    streams++;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const send = (version: number) => res.write(`event: change\ndata: {"version":${version}}\n\n`);
    res.write('retry: 1000\n\n');
    send(store.changes.version);
    const unsubscribe = store.changes.subscribe(send);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    req.on('close', () => {
      streams--;
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  return router;
}

/** The inbox page's files, built by `scripts/build-inbox.mjs` into `dist/inbox/`. */
const ASSETS: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'inbox.js': 'text/javascript; charset=utf-8',
  'inbox.css': 'text/css; charset=utf-8',
};

/**
 * The built assets, read once, seen from this module: dist/http/ (tsc's
 * output), dist/ (the CLI bundle) or src/http/ (tests). A folder counts only
 * with every file in it (apps/mock-server/inbox/ holds the unbuilt page).
 */
let loaded: Map<string, Buffer> | undefined;
function assets(): Map<string, Buffer> | undefined {
  if (loaded) return loaded;
  for (const relative of ['../inbox/', './inbox/', '../../dist/inbox/']) {
    const directory = fileURLToPath(new URL(relative, import.meta.url));
    try {
      loaded = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(`${directory}${name}`)]));
      return loaded;
    } catch {
      // not built here
    }
  }
  return undefined;
}

/** Every inbox answer: no framing (the page has buttons), no sniffing, nothing loaded from elsewhere. */
const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** Serves one built asset (`index.html` at `GET /`); 404 with a reason when the package was not built. */
export function serveInboxAsset(name: string) {
  return (_req: Request, res: Response): void => {
    const files = assets();
    const body = files?.get(name);
    if (!body) {
      res.status(404).json({ error: 'The inbox is not built: run `pnpm build` (it writes dist/inbox/)' });
      return;
    }
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'Content-Type': ASSETS[name] as string,
      'Content-Length': body.length,
    });
    res.end(body);
  };
}

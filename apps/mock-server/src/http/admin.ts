import { endpoints, formatAmount } from '@smspartner-kit/schema';
import express, { type Request, type Response, type Router } from 'express';
import { accountConfig } from '../core/config.js';
import type { Store } from '../state/store.js';

/**
 * The admin API under `/__mock/`, for tests and manual play. Its answers are
 * plain JSON (not SMS Partner's envelope) and never contain an apiKey; bad
 * input gets a 400 with a reason, never a crash. Every operation here also
 * exists on the Store for in-process use.
 */
export function adminRouter(store: Store): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));

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
    if (advanceBy !== undefined && (typeof advanceBy !== 'number' || !Number.isFinite(advanceBy))) {
      return bad(res, '"advanceBy" must be a number of milliseconds');
    }
    if (frozen !== undefined && typeof frozen !== 'boolean') return bad(res, '"frozen" must be a boolean');
    const clock = apiKey === undefined ? store.clock : store.ownClock(apiKey);
    if (!clock) return res.status(404).json({ error: 'No such account' });
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
    const { credits, apiKey: _key, ...settings } = input;
    if (typeof credits !== 'number' || !Number.isSafeInteger(credits) || credits < 0) {
      return bad(res, 'credits must be a whole number of SMS credits, 0 or more');
    }
    const hasSettings = Object.keys(settings).length > 0;
    if (hasSettings && store.account(apiKey)) {
      return bad(
        res,
        'settings apply to a new account only: reset this one first (POST /__mock/reset {"apiKey"})',
      );
    }
    const checked = accountConfig.safeParse({ ...settings, apiKey, credits });
    if (!checked.success) {
      const problems = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      return bad(res, `invalid account settings: ${problems.join('; ')}`);
    }
    const { apiKey: _same, credits: _credits, balance: _balance, ...parsedSettings } = checked.data;
    const { created, account } = store.upsertAccount(apiKey, credits, parsedSettings);
    res.status(created ? 201 : 200).json({ created, credits: account.credits });
  });

  router.get('/accounts', (req, res) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey query parameter is required');
    const account = store.account(apiKey);
    if (!account) return res.status(404).json({ error: 'No such account' });
    res.json({
      credits: account.credits,
      balance: formatAmount(account.balanceMicros, 6),
      messages: account.messages.size,
    });
  });

  router.post('/faults', (req, res) => {
    const input = body(req);
    const apiKey = keyFrom(input.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey must be a non-empty string');
    const { endpoint, times = 1 } = input;
    if (typeof endpoint !== 'string' || !Object.hasOwn(endpoints, endpoint)) {
      return bad(res, `endpoint must be one of: ${Object.keys(endpoints).join(', ')}`);
    }
    if (typeof times !== 'number' || !Number.isSafeInteger(times) || times < 0 || times > 1_000_000) {
      return bad(res, 'times must be a whole number from 0 to 1000000');
    }
    const account = store.account(apiKey);
    if (!account) return res.status(404).json({ error: 'No such account' });
    account.injectFault(endpoint, times);
    res.json({ endpoint, times });
  });

  router.get('/messages', (req, res) => {
    const apiKey = keyFrom(req.query.apiKey);
    if (apiKey === undefined || apiKey === null) return bad(res, 'apiKey query parameter is required');
    const messages = store.listMessages(apiKey);
    if (!messages) return res.status(404).json({ error: 'No such account' });
    res.json({ messages });
  });

  router.use((req, res) => {
    res.status(404).json({
      error: `Unknown admin route ${req.method} /__mock${req.path}`,
      routes: [
        'GET /__mock/clock',
        'POST /__mock/clock',
        'POST /__mock/reset',
        'POST /__mock/accounts',
        'GET /__mock/accounts',
        'GET /__mock/messages',
        'POST /__mock/faults',
      ],
    });
  });
  return router;
}

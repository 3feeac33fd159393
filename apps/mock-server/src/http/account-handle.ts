import type { NextFunction, Request, Response } from 'express';
import type { AccountHandles } from '../state/inbox.js';

/**
 * Lets any admin request name its account by handle instead of key:
 * `"account": "key#1a2b3c4d"` (the fingerprint the admin API and the inbox
 * show) or the account's name when only one account bears it, in the JSON
 * body or the query string. The key is put in `apiKey` on the way in, so
 * every admin route (and those added later) takes handles, and a page can
 * drive an account without ever holding its key.
 */
export function accountHandles(handles: AccountHandles) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body =
      typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
        ? (req.body as Record<string, unknown>)
        : undefined;
    const fromBody = body?.account;
    const fromQuery = req.query.account;
    const handle = fromBody ?? fromQuery;
    // The inbox's own routes take `account` as a filter, by handle already.
    if (handle === undefined || req.path.startsWith('/inbox/')) {
      next();
      return;
    }
    if (typeof handle !== 'string' || handle === '') {
      res.status(400).json({ error: 'account must be an account fingerprint (key#…) or name' });
      return;
    }
    if (body?.apiKey !== undefined || req.query.apiKey !== undefined) {
      res.status(400).json({ error: 'Send apiKey or account, not both' });
      return;
    }
    const account = handles.resolve(handle);
    if (account === 'ambiguous') {
      res.status(400).json({ error: 'Several accounts bear this name: use the fingerprint (key#…)' });
      return;
    }
    if (!account) {
      res.status(404).json({ error: 'No such account' });
      return;
    }
    if (fromBody !== undefined && body) {
      delete body.account;
      body.apiKey = account.apiKey;
    } else {
      // Express 5 reads req.query from the URL each time: the key goes into the URL, which nothing shows.
      const url = new URL(req.url, 'http://mock.invalid');
      url.searchParams.delete('account');
      url.searchParams.set('apiKey', account.apiKey);
      req.url = `${url.pathname}${url.search}`;
    }
    next();
  };
}

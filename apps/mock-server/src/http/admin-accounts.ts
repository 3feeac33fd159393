import { formatAmount } from '@smspartner-kit/schema';
import type { Request, Response, Router } from 'express';
import { contactRecordOf } from '../rules/contacts.js';
import { fingerprint } from '../state/journal.js';
import type { Store } from '../state/store.js';

/** The admin routes of groups, contacts and sub-accounts, as the admin 404 lists them. */
export const ACCOUNT_ADMIN_ROUTES = [
  'GET /__mock/groups',
  'GET /__mock/contacts',
  'GET /__mock/subaccounts',
  'POST /__mock/subaccounts',
] as const;

/** Largest page of `GET /__mock/contacts`. */
export const CONTACTS_PAGE_LIMIT = 1000;

/** What the admin router lends these routes: its 400 answer and its parameter readers. */
export interface AdminTools {
  readonly bad: (res: Response, error: string) => void;
  readonly body: (req: Request) => Record<string, unknown>;
  readonly keyFrom: (value: unknown) => string | undefined | null;
  readonly wholeParam: (value: unknown, min: number, max: number) => number | undefined | null;
}

/**
 * Adds the routes that show an account's groups, contacts and sub-accounts,
 * and switch sub-accounts on or off (SMS Partner's support does it on real
 * accounts). Like every admin answer, they never show an API key: a
 * sub-account is named by its token, e-mail and key fingerprint.
 */
export function accountAdminRoutes(router: Router, store: Store, tools: AdminTools): void {
  const { bad, body, keyFrom, wholeParam } = tools;
  const accountFrom = (res: Response, value: unknown) => {
    const apiKey = keyFrom(value);
    if (apiKey === undefined || apiKey === null) {
      bad(res, 'apiKey is required (a non-empty string)');
      return undefined;
    }
    const account = store.account(apiKey);
    if (!account) res.status(404).json({ error: 'No such account' });
    return account;
  };

  router.get('/groups', (req, res) => {
    const account = accountFrom(res, req.query.apiKey);
    if (!account) return;
    res.json({ groups: store.contacts.groups(account), usage: store.contacts.usage() });
  });

  router.get('/contacts', (req, res) => {
    const account = accountFrom(res, req.query.apiKey);
    if (!account) return;
    const { groupId } = req.query;
    if (typeof groupId !== 'string' || groupId === '') return bad(res, 'groupId query parameter is required');
    const page = wholeParam(req.query.page, 1, Number.MAX_SAFE_INTEGER);
    const limit = wholeParam(req.query.limit, 1, CONTACTS_PAGE_LIMIT);
    if (page === null) return bad(res, 'page must be a whole number from 1');
    if (limit === null) return bad(res, `limit must be a whole number from 1 to ${CONTACTS_PAGE_LIMIT}`);
    const found = store.contacts.page(account, groupId, page ?? 1, limit ?? 100);
    if (!found) return res.status(404).json({ error: 'No such group' });
    res.json({
      total: found.total,
      // As the API's contact list shows them, with their group.
      contacts: found.contacts.map((contact) => ({
        ...contactRecordOf(contact, account.stopList),
        groupId: contact.groupId,
      })),
    });
  });

  router.get('/subaccounts', (req, res) => {
    const account = accountFrom(res, req.query.apiKey);
    if (!account) return;
    const parent = store.subaccounts.infoOf(account)?.parent;
    res.json({
      enabled: store.subaccounts.enabled(account),
      parent: parent ? (parent.name ?? fingerprint(parent.apiKey)) : null,
      subaccounts: store.subaccounts.of(account).map((info) => ({
        id: info.id,
        token: info.token,
        type: info.type,
        email: info.email,
        isBuyer: info.isBuyer,
        fingerprint: fingerprint(info.account.apiKey),
        balance: formatAmount(info.account.balanceMicros, 6),
        credits: info.account.credits,
        messages: info.account.messages.size,
        createdAt: new Date(info.createdAt).toISOString(),
      })),
    });
  });

  router.post('/subaccounts', (req, res) => {
    const input = body(req);
    const account = accountFrom(res, input.apiKey);
    if (!account) return;
    if (typeof input.enabled !== 'boolean') return bad(res, 'Send {"apiKey", "enabled": true | false}');
    if (store.subaccounts.infoOf(account))
      return bad(res, 'A sub-account cannot have sub-accounts of its own');
    store.subaccounts.setEnabled(account, input.enabled);
    res.json({ enabled: store.subaccounts.enabled(account) });
  });
}

import { formatAmount, formatParisDateTime, SUBACCOUNTS_PER_PAGE } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';

/**
 * GET /v1/subaccount/list: page `page` (20, oldest first) of the caller's
 * sub-accounts, each with its own API key (the one answer the docs show a
 * sub-account's key in: disclosed to its master here, scrubbed everywhere
 * else), its balance as a decimal string and its creation time, Paris time.
 * An account without sub-accounts gets an empty list.
 */
export const listSubaccounts = defineHandler('listSubaccounts', (request, { account, state, disclose }) => {
  const page = request.page ?? 1;
  const all = state.subaccounts.of(account);
  const start = (page - 1) * SUBACCOUNTS_PER_PAGE;
  const shown = start < all.length ? all.slice(start, start + SUBACCOUNTS_PER_PAGE) : [];
  return {
    success: true,
    code: 200,
    total: all.length,
    nb_per_page: SUBACCOUNTS_PER_PAGE,
    page,
    data: shown.map((info) => ({
      id: info.id,
      email: info.email,
      type: info.type,
      token: info.token,
      apiKey: disclose(info.account.apiKey),
      createdAt: formatParisDateTime(info.createdAt),
      credits: { balance: formatAmount(info.account.balanceMicros, 3), currency: 'EUR' },
    })),
  };
});

import type { SubaccountCreditResponse } from '@smspartner-kit/schema';
import type { Account } from '../../state/accounts.js';
import type { Store } from '../../state/store.js';
import { euros } from '../sms/send-pipeline.js';

/** What both credit endpoints' handlers are given that the move needs (their catalogues are one). */
interface MoveContext<Refusal> {
  readonly account: Account;
  readonly state: Store;
  readonly fail: (code: 4 | 5 | 6 | 7 | 8) => Refusal;
}

/**
 * What both credit endpoints do once the pipeline passed (key 1, 10; not a
 * master with sub-accounts 4; credit 2 missing, 5 not a positive amount;
 * token 3): the token must be one of the caller's sub-accounts (7), the
 * sender must hold something (6) and enough (8), the receiver's balance must
 * stay within the mock's bound (5); then the euros move, exactly, and the
 * answer shows both balances after the move.
 */
export function moveCredit<Refusal>(
  direction: 'to-subaccount' | 'to-master',
  request: { readonly credit: number; readonly tokenSubaccount: string },
  { account, state, fail }: MoveContext<Refusal>,
): Refusal | SubaccountCreditResponse {
  const info = state.subaccounts.byToken(account, request.tokenSubaccount);
  if (!info) return fail(7);
  const [from, to]: [Account, Account] =
    direction === 'to-subaccount' ? [account, info.account] : [info.account, account];
  const moved = state.subaccounts.move(from, to, request.credit);
  if (!moved.ok) return fail(moved.reason === 'empty' ? 6 : moved.reason === 'insufficient' ? 8 : 5);
  return {
    success: true,
    code: 200,
    credit: euros(account.balanceMicros),
    subaccountCredit: euros(info.account.balanceMicros),
    currency: 'EUR',
  };
}

/** The gate both credit endpoints share: only a master account with sub-accounts activated moves credit (4). */
export function mastersOnly<Refusal>({ account, state, fail }: MoveContext<Refusal>): Refusal | undefined {
  return state.subaccounts.enabled(account) ? undefined : fail(4);
}

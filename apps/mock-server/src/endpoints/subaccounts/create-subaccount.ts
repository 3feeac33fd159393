import { defineHandler } from '../../core/define-handler.js';

/**
 * POST /v1/subaccount/create. After the key (1, 10), a caller that is no
 * master account with sub-accounts activated answers 2, before any field;
 * then the pipeline (3 isBuyer, 4 and 5 type, 6 e-mail, 8 creditToAttribute;
 * 400 for any other parameter that breaks its type), then the store: an
 * e-mail some account already has 7, a master at its bound of sub-accounts 2,
 * a master without the money for `creditToAttribute` 9. The new sub-account
 * is a live account with its own key (shown in the Sub-account List, not
 * here: the docs show the e-mail and token only), credited exactly what the
 * master was debited.
 */
export const createSubaccount = defineHandler(
  'createSubaccount',
  (request, { account, state, now, fail }) => {
    const parameters = request.parameters ?? {};
    const created = state.openSubaccount(
      account,
      {
        type: request.type,
        email: parameters.email,
        // A simple sub-account cannot buy [official]: isBuyer is an advanced one's.
        isBuyer: request.type === 'advanced' && parameters.isBuyer === 1,
        title: parameters.title,
        firstname: parameters.firstname,
        lastname: parameters.lastname,
        creditMicros: parameters.creditToAttribute ?? 0,
      },
      now,
    );
    if (!created.ok) return fail(created.reason === 'email-taken' ? 7 : created.reason === 'limit' ? 2 : 9);
    const { info } = created;
    return {
      success: true,
      code: 200,
      subaccount: { email: info.email, token: info.token },
      sendConfirmMailTo: info.email,
      parent_email: account.login,
    };
  },
  { authorize: ({ account, state, fail }) => (state.subaccounts.enabled(account) ? undefined : fail(2)) },
);

import { formatAmount } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';

/**
 * GET /v1/me. The credits are what the money balance buys at the French
 * Premium and Low Cost prices (the docs' own figures work that way:
 * 10225.119 EUR = 269 082 × 0.038 = 444 570 × 0.023); `toSend` counts the SMS
 * of messages still scheduled. `solde` and `balance` are the same amount.
 */
export const getCredits = defineHandler('getCredits', (_request, { account, state, now }) => {
  const balance = formatAmount(account.balanceMicros, 3);
  return {
    success: true,
    code: 200,
    user: { username: account.settings.username ?? `${account.settings.name ?? 'account'}@example.test` },
    credits: {
      creditSms: account.credits,
      creditSmsECO: state.lowCostCredits(account),
      creditHlr: account.settings.hlrCredits,
      toSend: state.messages.pendingSms(account, now),
      solde: balance,
      currency: 'EUR',
      balance,
    },
  };
});

import { formatAmount } from '@smspartner-kit/schema';
import { defineHandler } from '../../core/define-handler.js';

/**
 * GET /v1/me. The credits are what the money balance buys at the French
 * Premium and Low Cost prices (the docs' own figures work that way:
 * 10225.119 EUR = 269 082 × 0.038 = 444 570 × 0.023); `toSend` counts the SMS
 * of messages still scheduled. `solde` and `balance` are the same amount;
 * `creditSmsECO` and `creditSmsLowCost` the same count under its two names.
 */
export const getCredits = defineHandler('getCredits', (_request, { account, state, now }) => {
  const balance = formatAmount(account.balanceMicros, 3);
  const { firstname, lastname } = account.settings;
  const lowCost = state.lowCostCredits(account);
  return {
    success: true,
    code: 200,
    user: {
      username: account.login,
      ...(firstname !== undefined ? { firstname } : {}),
      ...(lastname !== undefined ? { lastname } : {}),
    },
    credits: {
      creditSms: account.credits,
      creditSmsECO: lowCost,
      creditHlr: account.hlrCredits,
      toSend: state.messages.pendingSms(account, now),
      solde: balance,
      currency: 'EUR',
      balance,
      // The older name, still in recorded answers and read by the Go clients: both are sent (credits.md).
      creditSmsLowCost: lowCost,
    },
  };
});

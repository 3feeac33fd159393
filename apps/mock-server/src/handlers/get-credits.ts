import { creditsCodes, formatAmount } from '@smspartner-kit/schema';
import { messageState } from '../rules/message-state.js';
import { authenticate, type EnvelopeBody, type Handler } from './shared.js';

/**
 * GET /v1/me. The credits are what the money balance buys at the French
 * Premium and Low Cost prices (the docs' own figures work that way:
 * 10225.119 EUR = 269 082 × 0.038 = 444 570 × 0.023); `toSend` counts the SMS
 * of messages still scheduled. `solde` and `balance` are the same amount.
 */
export const handleGetCredits: Handler = (params, context): EnvelopeBody => {
  const auth = authenticate('getCredits', params, context, creditsCodes);
  if ('answer' in auth) return auth.answer;
  const { account } = auth;
  const { store } = context;
  const now = store.clockFor(account.apiKey).now();
  let toSend = 0;
  for (const message of account.messages.values()) {
    if (!message.sandbox && messageState(message, now) === 'scheduled') toSend += message.nbSms;
  }
  const balance = formatAmount(account.balanceMicros, 3);
  return {
    success: true,
    code: 200,
    user: { username: account.settings.username ?? `${account.settings.name ?? 'account'}@example.test` },
    credits: {
      creditSms: account.credits,
      creditSmsECO: store.lowCostCredits(account),
      creditHlr: account.settings.hlrCredits,
      toSend,
      solde: balance,
      currency: 'EUR',
      balance,
    },
  };
};

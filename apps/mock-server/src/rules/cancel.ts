import type { CancelSmsCode } from '@smspartner-kit/schema';
import { type MessageState, messageState, type StoredMessage } from './message-state.js';

/** How long before its send time a scheduled SMS can still be cancelled [seed]. */
export const CANCEL_CUTOFF_MS = 5 * 60_000;

export type CancelDecision = { ok: true } | { ok: false; code: Extract<CancelSmsCode, 4 | 5 | 6 | 7> };

/**
 * The cancel rule, as a pure function of the message and the time.
 *
 * - no such message for this account → 4
 * - already cancelled → 5
 * - already sent (an immediate send, or a scheduled one whose time the clock
 *   has reached, even if it was moved back since) → 7
 *   (the seed does not say; the community page's code 7 is used)
 * - due within the next five minutes, five minutes included → 6: at 5:00 before
 *   its send time a message is "due within the next 5 minutes"; at 5:00.001 it is not
 */
export function decideCancel(message: StoredMessage | undefined, now: number): CancelDecision {
  if (!message) return { ok: false, code: 4 };
  const state: MessageState = messageState(message, now);
  if (state === 'cancelled') return { ok: false, code: 5 };
  if (state === 'sent') return { ok: false, code: 7 };
  if (message.sendAt - now <= CANCEL_CUTOFF_MS) return { ok: false, code: 6 };
  return { ok: true };
}

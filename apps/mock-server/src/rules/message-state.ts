/** Fields most messages do not set, kept apart so that most messages carry none. */
export interface MessageExtras {
  readonly sender: string | undefined;
  readonly tag: string | undefined;
  /** Where replies and delivery receipts will be posted (stored for the webhook work to come). */
  readonly urlResponse: string | undefined;
  readonly urlDlr: string | undefined;
}

/** Which endpoint created a message. */
export type MessageKind = 'send' | 'bulk' | 'vn' | 'survey' | 'rcs';

/**
 * A message as the mock keeps it: compact, since a test run may keep a
 * million of them. Money is in micro-euros, so sums stay exact. Read-only:
 * state changes go through the message book (`state/messages.ts`).
 */
export interface StoredMessage {
  readonly id: number;
  readonly kind: MessageKind;
  readonly range: 'premium' | 'lowCost';
  /** Recipients in E.164, comma-separated: one string, not a list per message. */
  readonly recipients: string;
  /** The text as sent (replacements applied, STOP mention appended); one line per item for a bulk send. */
  readonly message: string;
  readonly extras: MessageExtras | undefined;
  /** A marketing send outside the commercial window, held until `sendAt`. */
  readonly held: boolean;
  readonly nbSms: number;
  readonly costMicros: number;
  readonly createdAt: number;
  /** When it is (or was) sent: the scheduled time, or the creation time for an immediate send. */
  readonly sendAt: number;
  readonly scheduled: boolean;
  readonly sandbox: boolean;
  readonly cancelledAt: number | undefined;
  /** Set when the clock is moved back past the send time: a message that went out stays sent. */
  readonly sentAt: number | undefined;
  /** Credits given back on cancel; set once, so a message is never refunded twice. */
  readonly refundedSms: number;
}

export type MessageState = 'scheduled' | 'sent' | 'cancelled';

/**
 * A message's state at a given time. An immediate send is sent from the
 * start; a scheduled one once the clock reaches its send time, and for good:
 * when the clock is moved back, the message book first marks what went out
 * (`sentAt`), so time travel never takes a sent message back.
 */
export function messageState(message: StoredMessage, now: number): MessageState {
  if (message.cancelledAt !== undefined) return 'cancelled';
  if (!message.scheduled || message.sentAt !== undefined) return 'sent';
  return now >= message.sendAt ? 'sent' : 'scheduled';
}

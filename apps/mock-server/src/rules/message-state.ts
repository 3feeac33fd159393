/** Fields most messages do not set, kept apart so that most messages carry none. */
export interface MessageExtras {
  readonly sender: string | undefined;
  readonly tag: string | undefined;
  /** Where replies and delivery receipts are posted (else the account's defaults). */
  readonly urlResponse: string | undefined;
  readonly urlDlr: string | undefined;
  /** A bulk send's parts per recipient, in recipient order (a single send's are all `nbSms / recipients`). */
  readonly parts?: Uint8Array | undefined;
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
  /**
   * The latest time the clock had reached, past the send time, before it was
   * moved back: the message's states as of then stand, so a message that went
   * out stays sent and a delivered recipient stays delivered.
   */
  readonly settledAt: number | undefined;
  /** Credits given back on cancel; set once, so a message is never refunded twice. */
  readonly refundedSms: number;
}

export type MessageState = 'scheduled' | 'sent' | 'cancelled';

/**
 * A message's state at a given time. An immediate send is sent from the
 * start; a scheduled one once the clock reaches its send time, and for good:
 * when the clock is moved back, the message book first marks what went out
 * (`settledAt`), so time travel never takes a sent message back. Each
 * recipient's delivery state is `rules/delivery.ts`'s.
 */
export function messageState(message: StoredMessage, now: number): MessageState {
  if (message.cancelledAt !== undefined) return 'cancelled';
  if (!message.scheduled || message.settledAt !== undefined) return 'sent';
  return now >= message.sendAt ? 'sent' : 'scheduled';
}

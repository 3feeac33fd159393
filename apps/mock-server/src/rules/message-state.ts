/** A message as the mock keeps it. Money is in micro-euros, so sums stay exact. */
export interface StoredMessage {
  readonly id: number;
  /** Which endpoint created it. */
  readonly kind: 'send' | 'bulk' | 'vn' | 'survey';
  readonly phoneNumbers: readonly string[];
  readonly message: string;
  readonly sender: string | undefined;
  readonly range: 'premium' | 'lowCost';
  readonly tag: string | undefined;
  /** Where replies and delivery receipts will be posted (stored for the webhook work to come). */
  readonly urlResponse: string | undefined;
  readonly urlDlr: string | undefined;
  /** A marketing send outside the commercial window, held until `sendAt`. */
  readonly held: boolean;
  readonly nbSms: number;
  readonly costMicros: number;
  readonly createdAt: number;
  /** When it is (or was) sent: the scheduled time, or the creation time for an immediate send. */
  readonly sendAt: number;
  readonly scheduled: boolean;
  readonly sandbox: boolean;
  cancelledAt: number | undefined;
  /** Credits given back on cancel; set once, so a message is never refunded twice. */
  refundedSms: number;
}

export type MessageState = 'scheduled' | 'sent' | 'cancelled';

/** A message's state at a given time: scheduled messages become sent when their time comes. */
export function messageState(message: StoredMessage, now: number): MessageState {
  if (message.cancelledAt !== undefined) return 'cancelled';
  return now >= message.sendAt ? 'sent' : 'scheduled';
}

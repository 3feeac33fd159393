import { formatAmount } from '@smspartner-kit/schema';
import { type CancelDecision, decideCancel } from '../rules/cancel.js';
import {
  type MessageExtras,
  type MessageKind,
  type MessageState,
  messageState,
  type StoredMessage,
} from '../rules/message-state.js';
import type { Account } from './accounts.js';

/** A message as a send endpoint hands it to {@link MessageBook.schedule}: the stored fields, recipients as a list. */
export type MessageDraft = Pick<
  StoredMessage,
  'kind' | 'range' | 'message' | 'held' | 'nbSms' | 'costMicros' | 'sendAt' | 'scheduled' | 'sandbox'
> &
  Partial<MessageExtras> & { readonly phoneNumbers: readonly string[] };

const KINDS: readonly MessageKind[] = ['send', 'bulk', 'vn', 'survey'];
const HELD = 1 << 2;
const SCHEDULED = 1 << 3;
const SANDBOX = 1 << 4;
const LOW_COST = 1 << 5;

/**
 * The stored form: a class, so every message has the same compact in-object
 * layout, with the kind, the range and the three flags packed into one small
 * integer (read through getters, which cost no memory per message).
 */
class MessageRecord implements StoredMessage {
  readonly #flags: number;
  readonly recipients: string;
  readonly message: string;
  readonly extras: MessageExtras | undefined;
  readonly nbSms: number;
  readonly costMicros: number;
  readonly sendAt: number;
  cancelledAt: number | undefined = undefined;
  sentAt: number | undefined = undefined;
  refundedSms = 0;

  constructor(
    readonly id: number,
    readonly createdAt: number,
    draft: MessageDraft,
  ) {
    this.#flags =
      KINDS.indexOf(draft.kind) |
      (draft.held ? HELD : 0) |
      (draft.scheduled ? SCHEDULED : 0) |
      (draft.sandbox ? SANDBOX : 0) |
      (draft.range === 'lowCost' ? LOW_COST : 0);
    this.recipients =
      draft.phoneNumbers.length === 1 ? (draft.phoneNumbers[0] as string) : draft.phoneNumbers.join(',');
    this.message = draft.message;
    const { sender, tag, urlResponse, urlDlr } = draft;
    this.extras =
      sender === undefined && tag === undefined && urlResponse === undefined && urlDlr === undefined
        ? undefined
        : { sender, tag, urlResponse, urlDlr };
    this.nbSms = draft.nbSms;
    this.costMicros = draft.costMicros;
    this.sendAt = draft.sendAt;
  }

  get kind(): MessageKind {
    return KINDS[this.#flags & 3] as MessageKind;
  }
  get range(): StoredMessage['range'] {
    return this.#flags & LOW_COST ? 'lowCost' : 'premium';
  }
  get held(): boolean {
    return (this.#flags & HELD) !== 0;
  }
  get scheduled(): boolean {
    return (this.#flags & SCHEDULED) !== 0;
  }
  get sandbox(): boolean {
    return (this.#flags & SANDBOX) !== 0;
  }
}

/** A message as the admin API lists it. */
export interface MessageView {
  messageId: number;
  state: MessageState;
  phoneNumbers: string[];
  message: string;
  sender: string | null;
  nbSms: number;
  cost: string;
  range: 'premium' | 'lowCost';
  tag: string | null;
  held: boolean;
  scheduled: boolean;
  sendAt: string;
  createdAt: string;
  cancelledAt: string | null;
  refundedSms: number;
  sandbox: boolean;
}

/** Why {@link MessageBook.schedule} refused a message. */
export type ScheduleRefusal = 'insufficient-credit';

/**
 * Every account's messages, and the only code that changes them or the
 * money they cost: {@link schedule} debits as it stores, {@link cancel}
 * refunds as it cancels (once), {@link settle} keeps what went out sent when
 * a clock goes back. Ids are unique across accounts.
 */
export class MessageBook {
  #nextId = 1000;

  /** Forgets the id sequence (after a full reset): ids start at 1000 again. */
  restartIds(): void {
    this.#nextId = 1000;
  }

  /**
   * Records a message and debits its cost, atomically: a paid message the
   * account cannot afford is refused and nothing changes. Sandbox messages
   * cost nothing.
   */
  schedule(
    account: Account,
    draft: MessageDraft,
    now: number,
  ): { ok: true; message: StoredMessage } | { ok: false; reason: ScheduleRefusal } {
    if (!draft.sandbox && !account.debit(draft.costMicros))
      return { ok: false, reason: 'insufficient-credit' };
    const message = new MessageRecord(this.#nextId++, now, draft);
    account.messages.set(message.id, message);
    return { ok: true, message };
  }

  /**
   * Cancels a message by the cancel rule ({@link decideCancel}) and gives its
   * credits back, once. Returns the rule's decision; nothing changes on a refusal.
   */
  cancel(account: Account, id: number, now: number): CancelDecision {
    const message = account.messages.get(id) as MessageRecord | undefined;
    const decision = decideCancel(message, now);
    if (!decision.ok || !message) return decision.ok ? { ok: false, code: 4 } : decision;
    message.cancelledAt = now;
    if (!message.sandbox && message.refundedSms === 0) {
      message.refundedSms = message.nbSms;
      account.refund(message.costMicros);
    }
    return decision;
  }

  /** Before an account's clock goes back: every message whose send time it had reached has gone out, for good. */
  settle(account: Account, leaving: number): void {
    for (const message of account.messages.values() as IterableIterator<MessageRecord>) {
      if (
        message.scheduled &&
        message.cancelledAt === undefined &&
        message.sentAt === undefined &&
        message.sendAt <= leaving
      ) {
        message.sentAt = message.sendAt;
      }
    }
  }

  /** SMS of paid messages still scheduled at `now`: the credits endpoint's `toSend`. */
  pendingSms(account: Account, now: number): number {
    let toSend = 0;
    for (const message of account.messages.values()) {
      if (!message.sandbox && messageState(message, now) === 'scheduled') toSend += message.nbSms;
    }
    return toSend;
  }

  /** The admin view of an account's messages, oldest first. */
  list(account: Account, now: number): MessageView[] {
    return [...account.messages.values()].map((message) => ({
      messageId: message.id,
      state: messageState(message, now),
      phoneNumbers: message.recipients.split(','),
      message: message.message,
      sender: message.extras?.sender ?? null,
      nbSms: message.nbSms,
      cost: formatAmount(message.costMicros, 6),
      range: message.range,
      tag: message.extras?.tag ?? null,
      held: message.held,
      scheduled: message.scheduled,
      sendAt: new Date(message.sendAt).toISOString(),
      createdAt: new Date(message.createdAt).toISOString(),
      cancelledAt: message.cancelledAt === undefined ? null : new Date(message.cancelledAt).toISOString(),
      refundedSms: message.refundedSms,
      sandbox: message.sandbox,
    }));
  }
}

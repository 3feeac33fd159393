import { checkPhoneNumber, encodeWebhook, formatAmount, type WebhookEncoding } from '@smspartner-kit/schema';
import { type DeliverySettings, deliveryPlan, nextChange, recipientAt } from '../rules/delivery.js';
import type { StoredMessage } from '../rules/message-state.js';
import {
  deliveryReceiptPayload,
  isStopText,
  longNumberReplies,
  rcsSuggestionTapPayload,
  shortNumberReply,
} from '../rules/replies.js';
import type { Account } from './accounts.js';
import { MinHeap } from './heap.js';
import type { HlrCampaign } from './hlr.js';
import type { MessageBook } from './messages.js';
import type { RcsBook } from './rcs.js';
import type { WebhookDraft, WebhookEvent, WebhookOutbox, WebhookRecord } from './webhooks.js';

/** A message with events still to come on its clock: receipts to post, replies its recipients will send. */
interface Tracked {
  readonly message: StoredMessage;
  readonly account: Account;
  /** When it is next looked at, on its account's clock. */
  dueAt: number;
  /**
   * Per recipient: bits 0–1 the last receipt posted (0 none, 1 Delivered,
   * 2 Not delivered), bit 2 its reply sent. A number for one recipient.
   */
  done: Uint8Array | number;
}

const RECEIPT: Readonly<Record<string, number>> = { Delivered: 1, 'Not delivered': 2 };
const RECEIPT_BITS = 3;
const REPLIED = 4;

/** A reply coming in, from `POST /__mock/replies` or a test number. */
export interface InboundReply {
  /** The sender (any format `checkPhoneNumber` reads). */
  readonly from: string;
  /** What the recipient wrote; for a tap, the suggestion's text is sent whatever this says. */
  readonly text: string;
  /** A tap on the suggestion of an RCS message with this `postbackData`, rather than a text reply. */
  readonly postbackData?: string | undefined;
  /** The long number it was sent to; else the answered message's long number, else the short number. */
  readonly to?: string | undefined;
  /** The message it answers; else the latest message sent to `from`. */
  readonly messageId?: number | undefined;
}

/** What a reply did. */
export type ReplyOutcome =
  | {
      readonly ok: true;
      /** The message it answered, when there was one. */
      readonly messageId: number | undefined;
      /** The number went onto the STOP list (a STOP reply, not listed before). */
      readonly stopListed: boolean;
      readonly webhooks: readonly WebhookRecord[];
    }
  | { readonly ok: false; readonly reason: string; readonly status: 400 | 404 | 409 };

/**
 * The message lifecycle on the mock's clock, with no timer per message:
 * each message with events to come (a receipt to post to `urlDlr`, a reply a
 * test number sends) sits once in its account's heap, keyed by when it next
 * changes. {@link pump} pops what the clock has reached, posts what happened
 * (each receipt and reply exactly once, whatever the clock does since: time
 * travel never takes a delivery back), and puts the message back for its
 * next change. The store pumps an account before each of its requests and
 * after every clock move, and a running clock is pumped by one ticker.
 */
export class Lifecycle {
  readonly #tracked = new Map<number, Tracked>();
  readonly #heaps = new Map<Account, MinHeap<{ tracked: Tracked; dueAt: number }>>();
  #inbound = 0;
  #replies = 0;

  constructor(
    readonly book: MessageBook,
    readonly outbox: WebhookOutbox,
    readonly clockOf: (account: Account) => number,
    /** The RCS sends, whose suggestions a tap answers. */
    readonly rcs: RcsBook,
  ) {}

  /** Whether a message still has events to come: such a message is never dropped to make room. */
  isTracked(message: StoredMessage): boolean {
    return message.cancelledAt === undefined && this.#tracked.has(message.id);
  }

  /** Messages with events to come, over every account. */
  get size(): number {
    return this.#tracked.size;
  }

  /** Accounts with events to come. */
  accounts(): IterableIterator<Account> {
    return this.#heaps.keys();
  }

  /** The receipt URL of a message, and how receipts are posted; undefined when none are. */
  receiptsOf(
    account: Account,
    message: StoredMessage,
  ): { url: string; encoding: WebhookEncoding } | undefined {
    const { deliveryReceipts } = account.settings;
    const url = message.extras?.urlDlr ?? account.settings.urlDlr;
    return deliveryReceipts === 'off' || url === undefined ? undefined : { url, encoding: deliveryReceipts };
  }

  /** Starts following a new message, if anything will happen to it on the clock. */
  track(account: Account, message: StoredMessage): void {
    if (message.cancelledAt !== undefined) return;
    const receipts = this.receiptsOf(account, message) !== undefined;
    const settings = account.settings as DeliverySettings;
    const numbers = this.book.numbersOf(message);
    if (!receipts && !numbers.some((number) => deliveryPlan(number, settings).reply)) return;
    const tracked: Tracked = {
      message,
      account,
      dueAt: message.sendAt,
      done: numbers.length === 1 ? 0 : new Uint8Array(numbers.length),
    };
    this.#tracked.set(message.id, tracked);
    this.#schedule(tracked, message.sendAt);
  }

  /**
   * Before an outcome is forced on a message: follows it again if it had
   * nothing left to come, counting what already happened as done, so the
   * forced outcome (and only it) is posted.
   */
  beforeForce(account: Account, message: StoredMessage): void {
    if (this.#tracked.has(message.id) || this.receiptsOf(account, message) === undefined) return;
    const now = this.clockOf(account);
    const numbers = this.book.numbersOf(message);
    const done = numbers.map((phoneNumber) => {
      const { state } = recipientAt(message, this.book.timeline(account, message, phoneNumber), now);
      return (RECEIPT[state] ?? 0) | REPLIED;
    });
    this.#tracked.set(message.id, {
      message,
      account,
      dueAt: now,
      done: numbers.length === 1 ? (done[0] as number) : Uint8Array.from(done),
    });
  }

  /** After an outcome was forced: the message is looked at again from `now`. */
  afterForce(account: Account, message: StoredMessage): void {
    const tracked = this.#tracked.get(message.id);
    if (!tracked) return;
    this.#schedule(tracked, Math.max(this.clockOf(account), message.sendAt));
    this.pump(account);
  }

  #schedule(tracked: Tracked, dueAt: number): void {
    tracked.dueAt = dueAt;
    let heap = this.#heaps.get(tracked.account);
    if (!heap) {
      heap = new MinHeap((entry) => entry.dueAt);
      this.#heaps.set(tracked.account, heap);
    }
    heap.push({ tracked, dueAt });
  }

  /** Whether an account has an event due at its clock's time (a cheap look before each request). */
  isDue(account: Account): boolean {
    const top = this.#heaps.get(account)?.peek();
    return top !== undefined && top.dueAt <= this.clockOf(account);
  }

  /**
   * Posts everything an account's clock has reached (all accounts when none
   * is given): receipts, replies, and what a STOP reply does to the STOP list.
   * `at` is the time to read (the clock's, or the time it is leaving when it
   * is about to be moved back).
   */
  pump(account?: Account, at?: number): void {
    const accounts = account ? [account] : [...this.#heaps.keys()];
    for (const holder of accounts) {
      const heap = this.#heaps.get(holder);
      if (heap) {
        const now = at ?? this.clockOf(holder);
        while ((heap.peek()?.dueAt ?? Number.POSITIVE_INFINITY) <= now) {
          const { tracked, dueAt } = heap.pop() as { tracked: Tracked; dueAt: number };
          // A stale entry: the message was put back for another time since, or is followed no more.
          if (tracked.dueAt !== dueAt || this.#tracked.get(tracked.message.id) !== tracked) continue;
          this.#process(tracked, now);
        }
        if (heap.size === 0) this.#heaps.delete(holder);
      }
      this.outbox.pump(holder);
    }
  }

  #process(tracked: Tracked, now: number): void {
    const { message, account } = tracked;
    if (message.cancelledAt !== undefined || account.messages.get(message.id) !== message) {
      this.#tracked.delete(message.id);
      return;
    }
    const receipts = this.receiptsOf(account, message);
    const settings = account.settings as DeliverySettings;
    const numbers = this.book.numbersOf(message);
    let next = Number.POSITIVE_INFINITY;
    numbers.forEach((phoneNumber, index) => {
      let done = typeof tracked.done === 'number' ? tracked.done : (tracked.done[index] as number);
      const changes = this.book.timeline(account, message, phoneNumber);
      const current = recipientAt(message, changes, now);
      const code = RECEIPT[current.state];
      if (receipts && code !== undefined && (done & RECEIPT_BITS) !== code) {
        this.#postReceipt(account, message, phoneNumber, index, now, receipts);
        done = (done & ~RECEIPT_BITS) | code;
      }
      const reply = deliveryPlan(phoneNumber, settings).reply;
      if (reply && (done & REPLIED) === 0) {
        // The reply comes when the SMS is first delivered (naturally, or by a forced outcome).
        const delivered = changes.find((change) => change.state === 'Delivered');
        const effective = message.settledAt === undefined ? now : Math.max(now, message.settledAt);
        if (delivered && delivered.at <= effective) {
          this.receive(account, { from: phoneNumber, text: reply.text, messageId: message.id }, delivered.at);
          done |= REPLIED;
        } else if (delivered) next = Math.min(next, delivered.at);
      }
      if (receipts) next = Math.min(next, nextChange(message, changes, now) ?? Number.POSITIVE_INFINITY);
      if (typeof tracked.done === 'number') tracked.done = done;
      else tracked.done[index] = done;
    });
    if (Number.isFinite(next)) this.#schedule(tracked, next);
    else this.#tracked.delete(message.id);
  }

  #postReceipt(
    account: Account,
    message: StoredMessage,
    phoneNumber: string,
    index: number,
    now: number,
    receipts: { url: string; encoding: WebhookEncoding },
  ): void {
    const status = this.book.recipientStatus(account, message, phoneNumber, index, now);
    const payload = deliveryReceiptPayload({
      phoneNumber,
      messageId: message.id,
      stopSms: account.stopList.has(phoneNumber),
      at: status.at,
      status: status.state === 'Delivered' ? 'Delivered' : 'Not delivered',
      cost: Number(formatAmount(status.costMicros, 3)),
      countryCode: status.countryCode ?? '',
    });
    this.#post(account, 'delivery-receipt', receipts.url, receipts.encoding, payload, {
      messageId: message.id,
      phoneNumber,
      occurredAt: status.at,
    });
  }

  #post(
    account: Account,
    event: WebhookEvent,
    url: string,
    encoding: WebhookEncoding,
    payload: Readonly<Record<string, unknown>>,
    about: { messageId: number | undefined; phoneNumber: string; occurredAt: number },
  ): WebhookRecord {
    const { contentType, body } = encodeWebhook(payload, encoding);
    const draft: WebhookDraft = { event, url, payload, contentType, body, ...about };
    // Only http and https URLs are ever called (the config refuses others; a send's own URL may be anything).
    if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) {
      return this.outbox.refuse(account, draft, 'only http and https URLs are called');
    }
    return this.outbox.enqueue(account, draft);
  }

  /**
   * A reply from a recipient, at `at` on the account's clock: the reply
   * webhook (to the answered message's `urlResponse`, else the account's),
   * one request per part on a long number; a STOP puts the sender on the STOP
   * list, with a `type: "stop"` webhook on a short number.
   */
  receive(account: Account, reply: InboundReply, at: number): ReplyOutcome {
    const sender = checkPhoneNumber(reply.from);
    if (!sender.valid) return { ok: false, status: 400, reason: '"from" is not a valid phone number' };
    const from = sender.e164;
    if (reply.postbackData !== undefined) return this.#tap(account, from, reply, at);
    let message: StoredMessage | undefined;
    if (reply.messageId !== undefined) {
      message = account.messages.get(reply.messageId);
      if (!message) return { ok: false, status: 404, reason: 'No such message for this account' };
      if (!this.book.numbersOf(message).includes(from))
        return { ok: false, status: 409, reason: `Message ${message.id} was not sent to ${from}` };
      if (message.cancelledAt !== undefined || message.sendAt > at)
        return { ok: false, status: 409, reason: `Message ${message.id} has not been sent` };
    } else {
      for (const candidate of account.messages.values()) {
        if (
          candidate.cancelledAt === undefined &&
          candidate.sendAt <= at &&
          this.book.numbersOf(candidate).includes(from)
        )
          message = candidate;
      }
    }
    let longNumber: string | undefined;
    if (reply.to !== undefined) {
      const to = reply.to.replace(/^\+/, '');
      if (!account.settings.virtualNumbers.includes(to))
        return { ok: false, status: 400, reason: '"to" is not one of the account\'s virtual numbers' };
      longNumber = to;
    } else if (message?.kind === 'vn') {
      longNumber = message.extras?.sender;
    }

    const stop = isStopText(reply.text);
    const stopListed = stop && account.stopList.add(from, at, 'reply').ok;
    const url = message?.extras?.urlResponse ?? account.settings.urlResponse;
    const webhooks: WebhookRecord[] = [];
    if (url !== undefined) {
      const about = { messageId: message?.id, phoneNumber: from, occurredAt: at };
      const encoding = account.settings.replyFormat;
      if (longNumber !== undefined) {
        // Ids in the 16 hex digits of the EN page's `02000000XXXXXXXX`, one per part; one ref per reply.
        const nextId = () => `02000000${(++this.#inbound).toString(16).toUpperCase().padStart(8, '0')}`;
        const concatRef = String((this.#replies++ % 255) + 1);
        for (const payload of longNumberReplies({
          from,
          to: longNumber,
          text: reply.text,
          at,
          nextId,
          concatRef,
        })) {
          webhooks.push(this.#post(account, 'reply', url, encoding, payload, about));
        }
      } else {
        const payload = shortNumberReply({ from, text: reply.text, messageId: message?.id ?? 0 });
        webhooks.push(
          this.#post(account, payload.type === 'stop' ? 'stop' : 'reply', url, encoding, payload, about),
        );
      }
    }
    return { ok: true, messageId: message?.id, stopListed, webhooks };
  }

  /**
   * A tap on a suggestion of an RCS message (`messageId`, else the latest
   * RCS send that reached `from`): the reply webhook with the suggestion's
   * text and `postbackData`, to the account's `urlResponse`. Refused when
   * `from` got no RCS message (an SMS fallback has no suggestions), the send
   * has not gone out, or none of its suggestions has that `postbackData`.
   */
  #tap(account: Account, from: string, reply: InboundReply, at: number): ReplyOutcome {
    const send =
      reply.messageId === undefined
        ? this.rcs.latestTo(account, from)
        : this.rcs.get(account, reply.messageId);
    if (!send) {
      return reply.messageId === undefined
        ? { ok: false, status: 409, reason: `No RCS message reached ${from}` }
        : { ok: false, status: 404, reason: 'No such RCS message for this account' };
    }
    const message = account.messages.get(send.messageId);
    if (!message || message.cancelledAt !== undefined || message.sendAt > at)
      return { ok: false, status: 409, reason: `Message ${send.messageId} has not been sent` };
    if (!send.rcs.includes(from))
      return { ok: false, status: 409, reason: `Message ${send.messageId} did not reach ${from} as RCS` };
    const suggestion = send.richContent.conversation.suggestions?.find(
      (candidate) => candidate.reply.postbackData === reply.postbackData,
    );
    if (!suggestion) {
      return {
        ok: false,
        status: 409,
        reason: `Message ${send.messageId} has no suggestion with that postbackData`,
      };
    }
    const url = account.settings.urlResponse;
    const payload = rcsSuggestionTapPayload({
      from,
      text: suggestion.reply.text,
      postbackData: suggestion.reply.postbackData,
      messageId: send.messageId,
    });
    const webhooks =
      url === undefined
        ? []
        : [
            this.#post(account, 'reply', url, account.settings.replyFormat, payload, {
              messageId: send.messageId,
              phoneNumber: from,
              occurredAt: at,
            }),
          ];
    return { ok: true, messageId: send.messageId, stopListed: false, webhooks };
  }

  /**
   * An HLR request's results, one POST per number to its `notifyUrl`, due at
   * once (the API answer never waits for them), in the account's reply format
   * (JSON, or the form fields of the docs' dump). Nothing when no URL was given.
   */
  notifyHlr(account: Account, campaign: HlrCampaign): void {
    const url = campaign.notifyUrl;
    if (url === undefined) return;
    for (const result of campaign.results) {
      this.#post(account, 'hlr-result', url, account.settings.replyFormat, result, {
        messageId: undefined,
        phoneNumber: result.phone,
        occurredAt: campaign.createdAt,
      });
    }
  }

  /** Stops following one account's messages (its reset). */
  forget(account: Account): void {
    const heap = this.#heaps.get(account);
    if (heap) for (const { tracked } of heap.values()) this.#tracked.delete(tracked.message.id);
    this.#heaps.delete(account);
    this.outbox.forget(account);
  }

  /** Forgets everything (a full reset). */
  clear(): void {
    this.#tracked.clear();
    this.#heaps.clear();
    this.#inbound = 0;
    this.#replies = 0;
    this.outbox.clear();
  }
}

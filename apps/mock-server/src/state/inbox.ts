import { checkPhoneNumber, formatAmount, prepareMessage } from '@smspartner-kit/schema';
import { type MessageState, messageState, type StoredMessage } from '../rules/message-state.js';
import type { Account } from './accounts.js';
import { fingerprint } from './journal.js';
import type { MessageView } from './messages.js';
import type { Store } from './store.js';

/**
 * What the inbox (and anything else that must not see keys) knows of the
 * accounts: each by its fingerprint, the one handle that stands for a key.
 * The map is rebuilt only when accounts come or go.
 */
export class AccountHandles {
  #version = -1;
  #byHandle = new Map<string, Account>();

  constructor(readonly store: Store) {}

  #refresh(): void {
    if (this.#version === this.store.keysVersion) return;
    this.#version = this.store.keysVersion;
    this.#byHandle = new Map();
    for (const key of this.store.apiKeys()) {
      const account = this.store.account(key);
      if (account) this.#byHandle.set(fingerprint(key), account);
    }
  }

  /**
   * The account a handle names: its fingerprint (`key#1a2b3c4d`) or, when
   * exactly one account bears it, its name. `ambiguous` when several do.
   */
  resolve(handle: string): Account | 'ambiguous' | undefined {
    this.#refresh();
    const byFingerprint = this.#byHandle.get(handle);
    if (byFingerprint) return byFingerprint;
    let found: Account | undefined;
    for (const account of this.#byHandle.values()) {
      if (account.name !== handle) continue;
      if (found) return 'ambiguous';
      found = account;
    }
    return found;
  }

  /** Every account with its handle, in the store's order. */
  all(): { handle: string; account: Account }[] {
    this.#refresh();
    return [...this.#byHandle].map(([handle, account]) => ({ handle, account }));
  }

  handleOf(account: Account): string {
    return fingerprint(account.apiKey);
  }
}

/** An account as the inbox shows it: never its key. */
export interface InboxAccount {
  id: string;
  label: string;
  name: string | null;
  credits: number;
  balance: string;
  messages: number;
  /** The account's own clock, when a test gave it one; else it lives by the store's. */
  clock: { now: string; frozen: boolean } | null;
}

export function inboxAccount(handles: AccountHandles, account: Account): InboxAccount {
  const id = handles.handleOf(account);
  return {
    id,
    label: account.name ?? id,
    name: account.name ?? null,
    credits: account.credits,
    balance: formatAmount(account.balanceMicros, 6),
    messages: account.messages.size,
    clock: account.clock ? account.clock.state() : null,
  };
}

/** A message in the inbox: the admin view, and whose it is. */
export type InboxMessage = MessageView & { account: { id: string; label: string } };

/** The inbox filters; every one optional. */
export interface InboxQuery {
  accounts?: readonly Account[] | undefined;
  /** A recipient: any writing of a number (national, E.164), or a run of its digits. */
  to?: string | undefined;
  tag?: string | undefined;
  state?: MessageState | undefined;
  /** Words of the text (case-insensitive). */
  text?: string | undefined;
  /** Messages older than this id (the previous page's `nextCursor`). */
  before?: number | undefined;
  limit: number;
}

function recipientTest(to: string): (message: StoredMessage) => boolean {
  const checked = checkPhoneNumber(to);
  if (checked.valid) return (message) => message.recipients.split(',').includes(checked.e164);
  const digits = to.replace(/\D/g, '');
  return digits === '' ? () => false : (message) => message.recipients.includes(digits);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One page of messages across accounts, newest first (ids are unique and
 * grow across accounts, and each account keeps its messages in id order, so
 * the pages merge the accounts' lists from their ends). A filter that matches
 * little scans the store once; the page never holds more than `limit`.
 */
export function inboxPage(
  store: Store,
  handles: AccountHandles,
  query: InboxQuery,
): { messages: InboxMessage[]; nextCursor: number | null } {
  const accounts = query.accounts ?? handles.all().map((entry) => entry.account);
  const lists = accounts.map((account) => ({
    account,
    list: [...account.messages.values()],
    at: account.messages.size - 1,
    now: store.clockFor(account.apiKey).now(),
  }));
  const to = query.to ? recipientTest(query.to) : undefined;
  const words = query.text ? new RegExp(escapeRegExp(query.text), 'i') : undefined;
  const picked: { account: Account; message: StoredMessage; now: number }[] = [];
  let nextCursor: number | null = null;
  for (;;) {
    let best: (typeof lists)[number] | undefined;
    for (const entry of lists) {
      const head = entry.list[entry.at];
      if (head && (!best || head.id > (best.list[best.at] as StoredMessage).id)) best = entry;
    }
    if (!best) break;
    const message = best.list[best.at--] as StoredMessage;
    if (query.before !== undefined && message.id >= query.before) continue;
    if (query.tag !== undefined && message.extras?.tag !== query.tag) continue;
    if (query.state !== undefined && messageState(message, best.now) !== query.state) continue;
    if (to && !to(message)) continue;
    if (words && !words.test(message.message)) continue;
    if (picked.length === query.limit) {
      nextCursor = (picked.at(-1) as { message: StoredMessage }).message.id;
      break;
    }
    picked.push({ account: best.account, message, now: best.now });
  }
  return {
    messages: picked.map(({ account, message, now }) => ({
      ...store.messages.view(message, now, account),
      account: { id: handles.handleOf(account), label: account.name ?? handles.handleOf(account) },
    })),
    nextCursor,
  };
}

/** The account that holds a message id (ids are unique across accounts). */
export function findMessage(
  handles: AccountHandles,
  id: number,
): { account: Account; message: StoredMessage } | undefined {
  for (const { account } of handles.all()) {
    const message = account.messages.get(id);
    if (message) return { account, message };
  }
  return undefined;
}

/** What the inbox's detail pane shows of a message besides its view: how it was cut into SMS. */
export interface MessageParts {
  /** As the text reads: `gsm` when every character is in the GSM alphabet, else `unicode`. */
  encoding: 'gsm' | 'unicode';
  /** Septets (GSM) or UTF-16 code units (Unicode). */
  units: number;
  /** SMS per recipient. */
  partsPerRecipient: number;
  recipients: number;
}

export function partsOf(message: StoredMessage): MessageParts {
  const recipients = message.recipients.split(',').length;
  // A stored GSM text has had its unsupported characters replaced already, so any left mean Unicode.
  const gsm = prepareMessage(message.message);
  const prepared = gsm.unsupported.length === 0 ? gsm : prepareMessage(message.message, { unicode: true });
  // A bulk message holds one line per item: its parts are counted per item, so the stored count is the truth.
  const partsPerRecipient =
    recipients > 0 ? Math.max(1, Math.round(message.nbSms / recipients)) : prepared.parts;
  return { encoding: prepared.encoding, units: prepared.units, partsPerRecipient, recipients };
}

/**
 * The next time something happens on the store's clock: the earliest send
 * time after `now` of a scheduled message of an account that lives by the
 * store's clock (accounts with their own clock move on their own).
 */
export function nextEvent(
  store: Store,
  handles: AccountHandles,
): { at: number; messageId: number } | undefined {
  const now = store.clock.now();
  let best: { at: number; messageId: number } | undefined;
  for (const { account } of handles.all()) {
    if (account.clock) continue;
    for (const message of account.messages.values()) {
      if (messageState(message, now) !== 'scheduled' || message.sendAt <= now) continue;
      if (!best || message.sendAt < best.at) best = { at: message.sendAt, messageId: message.id };
    }
  }
  return best;
}

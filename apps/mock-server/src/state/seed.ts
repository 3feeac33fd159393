import { estimateSend, type PriceTable, priceFor } from '@smspartner-kit/schema';
import * as z from 'zod/mini';
import { isClockTime } from '../core/clock.js';
import { type AccountConfig, accountConfig, mockConfig } from '../core/config.js';
import type { Account } from './accounts.js';
import type { MessageDraft } from './messages.js';
import type { Store } from './store.js';

/**
 * A seed document: the state a mock starts from, in one JSON document
 * (`--seed FILE`, `POST /__mock/seed`). Top-level sections apply in order:
 * `clock`, `prices`, then `accounts`; each account entry is a whole account
 * (every config setting: money, `stopList`, flags…) plus per-account
 * sections (`messages` today). Contacts, groups and sub-accounts slot in as
 * further per-account sections: a key on {@link seedAccount} and an entry in
 * {@link ACCOUNT_SECTIONS}, checked and applied like `messages`.
 *
 * Every object is strict, so a misspelt key is an error rather than a silent
 * no-op, and the whole document is checked before anything changes.
 */
const isoDateTime = z
  .string()
  .check(
    z.refine(
      (text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && isClockTime(Date.parse(text)),
      'an ISO-8601 date-time, e.g. 2030-01-15T09:00:00+01:00',
    ),
  );

/** One stored message: what a send would have stored, without going through the API. */
export const seedMessage = z.strictObject({
  /** E.164 or national numbers, as a comma-separated string or a list (at most 500). */
  phoneNumbers: z.union([z.string(), z.array(z.string()).check(z.minLength(1), z.maxLength(500))]),
  // At most 10 parts: the estimator refuses longer texts; the bound here only keeps the document small.
  message: z.string().check(z.minLength(1), z.maxLength(10_000)),
  /** When it is (or was) sent; default: the seed's now, so it is sent already. Later than now: scheduled. */
  sendAt: z.optional(isoDateTime),
  sender: z.optional(z.string().check(z.minLength(3), z.maxLength(11))),
  tag: z.optional(z.string().check(z.maxLength(200))),
  /** `lowCost` is `gamme: 2`. */
  range: z._default(z.enum(['premium', 'lowCost']), 'premium'),
  isUnicode: z._default(z.boolean(), false),
  sandbox: z._default(z.boolean(), false),
  urlResponse: z.optional(z.string().check(z.maxLength(2048))),
  urlDlr: z.optional(z.string().check(z.maxLength(2048))),
});
export type SeedMessage = z.output<typeof seedMessage>;

/** One account of a seed: every account setting of the config, and its sections. */
export const seedAccount = z.strictObject({
  ...accountConfig.shape,
  /** Messages stored for the account, oldest first; the balance given is the balance after them. */
  messages: z.optional(z.array(seedMessage).check(z.maxLength(100_000))),
});
export type SeedAccount = z.output<typeof seedAccount>;

export const seedDocument = z.strictObject({
  /** The store clock, set first (messages are scheduled relative to it). */
  clock: z.optional(z.strictObject({ now: isoDateTime, frozen: z.optional(z.boolean()) })),
  /** Prices per destination country, merged over the config's (as the config's `prices`). */
  prices: mockConfig.shape.prices,
  /** Accounts added, or replacing the account with the same key (its messages are dropped). */
  accounts: z.optional(z.array(seedAccount).check(z.maxLength(10_000))),
});
export type SeedDocument = z.output<typeof seedDocument>;
export type SeedDocumentInput = z.input<typeof seedDocument>;

/**
 * A per-account section: given an account entry, the problems it finds before
 * anything changes, and what it then does to the account (prepared once).
 */
interface AccountSection {
  readonly key: string;
  plan(entry: SeedAccount, where: string, context: SeedContext): SectionPlan;
}

interface SectionPlan {
  readonly problems: readonly string[];
  apply(account: Account): void;
}

interface SeedContext {
  readonly store: Store;
  readonly prices: PriceTable;
  readonly now: number;
}

/** The draft of one seeded message, or why it cannot be stored. */
function draftOf(message: SeedMessage, context: SeedContext): MessageDraft | string {
  const estimate = estimateSend(
    {
      message: message.message,
      phoneNumbers: message.phoneNumbers,
      gamme: message.range === 'lowCost' ? 2 : 1,
      isUnicode: message.isUnicode,
    },
    { prices: context.prices },
  );
  const problem = estimate.problems[0];
  if (problem) {
    const number = 'number' in problem ? ` (${problem.number})` : '';
    return `${problem.reason.replace(/-/g, ' ')}${number}: the API would answer code ${problem.code}`;
  }
  const sendAt = message.sendAt === undefined ? context.now : Date.parse(message.sendAt);
  return {
    kind: 'send',
    phoneNumbers: estimate.recipients.map((recipient) => recipient.e164 as string),
    message: estimate.message.text,
    sender: message.sender,
    tag: message.tag,
    urlResponse: message.urlResponse,
    urlDlr: message.urlDlr,
    range: estimate.range,
    held: false,
    nbSms: estimate.nbSms,
    costMicros: estimate.costMicros,
    sendAt,
    scheduled: sendAt > context.now,
    sandbox: message.sandbox,
  };
}

const messagesSection: AccountSection = {
  key: 'messages',
  plan(entry, where, context) {
    const drafts: MessageDraft[] = [];
    const problems: string[] = [];
    (entry.messages ?? []).forEach((message, index) => {
      const draft = draftOf(message, context);
      if (typeof draft === 'string') problems.push(`${where}.messages.${index}: ${draft}`);
      else drafts.push(draft);
    });
    return {
      problems,
      apply(account) {
        for (const draft of drafts) {
          const stored = context.store.messages.schedule(account, draft, context.now);
          if (!stored.ok) throw new Error(`seeding a message failed: ${stored.reason}`);
        }
      },
    };
  },
};

/** The per-account sections, in the order they apply. Contacts, groups and sub-accounts go here. */
export const ACCOUNT_SECTIONS: readonly AccountSection[] = [messagesSection];

/** Why a seed is refused: every problem, one per line, each with its place in the document. */
export class SeedError extends Error {
  override readonly name = 'SeedError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid seed:\n  ${problems.join('\n  ')}`);
  }
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(root)';

/**
 * An issue in words (zod/mini ships no messages of its own, only "Invalid
 * input"), never repeating the value: it could be a key.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      return issue.message !== 'Invalid input' ? issue.message : `${bound}${unit}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Parses a seed document, or throws a {@link SeedError} listing every problem (never an apiKey). */
export function parseSeed(input: unknown): SeedDocument {
  const result = seedDocument.safeParse(input);
  if (!result.success) {
    throw new SeedError(result.error.issues.map((issue) => `${pathOf(issue.path)}: ${describeIssue(issue)}`));
  }
  const seen = new Set<string>();
  const repeated = (result.data.accounts ?? []).flatMap((account, index) => {
    if (seen.has(account.apiKey)) return [`accounts.${index}: repeats the apiKey of an earlier account`];
    seen.add(account.apiKey);
    return [];
  });
  if (repeated.length > 0) throw new SeedError(repeated);
  return result.data;
}

/** What a seed did, account by account (by name or fingerprint, never by key). */
export interface SeedReport {
  clock: string | undefined;
  prices: number;
  accounts: { account: Account; replaced: boolean; messages: number }[];
}

const accountOnly = (entry: SeedAccount): AccountConfig => {
  const { messages: _messages, ...config } = entry;
  return config as AccountConfig;
};

/**
 * Applies a parsed seed to a store, all or nothing: every message is priced
 * and every bound checked first, so a refused seed (a {@link SeedError})
 * changes nothing. `options.pricesApplied` says the prices are already in the
 * store (the CLI puts them into the config, so every account is built with them).
 */
export function applySeed(
  store: Store,
  seed: SeedDocument,
  options: { pricesApplied?: boolean } = {},
): SeedReport {
  const now = seed.clock ? Date.parse(seed.clock.now) : store.clock.now();
  const runtimePrices = seed.prices !== undefined && !options.pricesApplied;
  const prices: PriceTable = runtimePrices ? { ...store.prices, ...seed.prices } : store.prices;
  const context: SeedContext = { store, prices, now };
  const problems: string[] = [];
  // A credit is one Premium SMS to France: changing that price at run time would change every balance.
  if (runtimePrices && priceFor(prices, 'FR', 'premium') !== priceFor(store.prices, 'FR', 'premium')) {
    problems.push(
      'prices.FR.premium: a credit is one Premium SMS to France, so this price cannot change at run time: set it in the config or with --seed at start',
    );
  }
  const entries = seed.accounts ?? [];
  const plans = entries.map((entry, index) => {
    const where = `accounts.${index}`;
    const sections = ACCOUNT_SECTIONS.map((section) => section.plan(entry, where, context));
    for (const section of sections) problems.push(...section.problems);
    const money = entry.balance !== undefined ? { balance: entry.balance } : { credits: entry.credits ?? 0 };
    if (store.balanceFor(money) === undefined) {
      problems.push(`${where}: the balance must be 0 to 1000000000 EUR, exact to the micro-euro`);
    }
    return sections;
  });
  const room = roomProblem(store, entries);
  if (room) problems.push(room);
  if (problems.length > 0) throw new SeedError(problems);

  if (seed.clock) store.clock.set(now, { frozen: seed.clock.frozen ?? true });
  if (runtimePrices && seed.prices) store.updatePrices(seed.prices);
  const report: SeedReport = {
    clock: seed.clock ? new Date(now).toISOString() : undefined,
    prices: seed.prices ? Object.keys(seed.prices).length : 0,
    accounts: [],
  };
  entries.forEach((entry, index) => {
    const replaced = store.account(entry.apiKey) !== undefined;
    const account = store.putAccount(accountOnly(entry));
    // The balance a seed gives is the balance after its messages: the message book's debits are undone.
    const balance = account.balanceMicros;
    account.setBalance(Number.MAX_SAFE_INTEGER);
    for (const section of plans[index] ?? []) section.apply(account);
    account.setBalance(balance);
    report.accounts.push({ account, replaced, messages: entry.messages?.length ?? 0 });
  });
  return report;
}

const recipientCount = (phoneNumbers: string | readonly string[]) =>
  typeof phoneNumbers === 'string' ? phoneNumbers.split(',').length : phoneNumbers.length;

/** Whether the seeded messages fit in the store's bounds, once the accounts they replace are gone. */
function roomProblem(store: Store, entries: readonly SeedAccount[]): string | undefined {
  const usage = store.messages.usage();
  let recipients = usage.messages;
  let chars = usage.textChars;
  for (const entry of entries) {
    for (const message of store.account(entry.apiKey)?.messages.values() ?? []) {
      recipients -= recipientCount(message.recipients);
      chars -= message.message.length;
    }
    for (const message of entry.messages ?? []) {
      recipients += recipientCount(message.phoneNumbers);
      chars += message.message.length;
    }
  }
  const { limits } = usage;
  return recipients > limits.messages || chars > limits.textChars
    ? `accounts: the messages would not fit in the store's limits (${limits.messages} recipients, ${limits.textChars} characters)`
    : undefined;
}

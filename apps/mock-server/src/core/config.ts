import { DEFAULT_STOP_MENTION, DELIVERY_STATUSES, parseAmount } from '@smspartner-kit/schema';
import * as z from 'zod/mini';
import { DEFAULT_DELIVERY_DELAY_MS, MAX_DELIVERY_DELAY_MS } from '../rules/delivery.js';
import { DEFAULT_WEBHOOK_SETTINGS } from '../state/webhooks.js';

/**
 * A decimal amount in EUR, at most 1,000,000,000 with 6 decimals: every such
 * amount is exact in micro-euros (see MAX_AMOUNT_MICROS). A number is read as
 * its decimal text (0.05 is "0.05").
 */
const decimal = z.pipe(
  z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
  z
    .string()
    .check(
      z.refine(
        (text) => parseAmount(text) !== undefined,
        'a decimal amount such as "12.5" (0 to 1000000000, 6 decimals)',
      ),
    ),
);

/** The most SMS credits an account may hold: a billion, so the balance they buy stays exact. */
export const MAX_CREDITS = 1_000_000_000;
const creditCount = z.int().check(z.nonnegative(), z.lte(MAX_CREDITS, `at most ${MAX_CREDITS}`));

const delay = z.int().check(z.gte(0), z.lte(MAX_DELIVERY_DELAY_MS, 'at most 48 hours (172800000 ms)'));
/** A webhook URL: the mock only ever calls http and https URLs. */
const webhookUrl = z.string().check(
  z.maxLength(2048),
  z.refine((text) => /^https?:\/\//i.test(text) && URL.canParse(text), 'an http or https URL'),
);

/** One account of the mock, as the config declares it. */
export const accountConfig = z.object({
  apiKey: z.string().check(z.minLength(1)),
  /**
   * The money balance, as Premium SMS credits to France (credits × 0.038 EUR
   * with the default prices). Give this or `balance`.
   */
  credits: z.optional(creditCount),
  /** The money balance in EUR, as a decimal string ("12.5"). Wins over `credits`. */
  balance: z.optional(decimal),
  /** HLR verification credits (reported by GET /v1/me). */
  hlrCredits: z._default(creditCount, 0),
  /** A label for logs, the journal and the admin API (never the key). */
  name: z.optional(z.string().check(z.maxLength(100))),
  /** What GET /v1/me reports as the account's login. */
  username: z.optional(z.string().check(z.maxLength(200))),
  /** The account holder's first and last names, in GET /v1/me's `user` when set. */
  firstname: z.optional(z.string().check(z.maxLength(100))),
  lastname: z.optional(z.string().check(z.maxLength(100))),
  /** `disabled` answers code 20, `blocked` code 30, wherever the endpoint documents them. */
  status: z._default(z.enum(['active', 'disabled', 'blocked']), 'active'),
  /** false answers code 40 (API access denied). */
  apiAccess: z._default(z.boolean(), true),
  /** When set, requests from other IP addresses answer code 96. */
  allowedIps: z.optional(z.array(z.string())),
  /** Unicode sending (`isUnicode=1`) must be enabled by SMS Partner support: false answers code 9 on isUnicode. */
  unicode: z._default(z.boolean(), false),
  /** false answers code 51 (the Low Cost range is not eligible) to `gamme: 2`. */
  lowCost: z._default(z.boolean(), true),
  /** A marketing account: the commercial window applies to its sends (codes 22 and 23, or held). */
  marketing: z._default(z.boolean(), false),
  /** Numbers on the account's STOP list (any format): sending to one answers code 14. */
  stopList: z._default(z.array(z.string()), []),
  /** Virtual long numbers the account rents (international without +, e.g. 33700000000), for POST /v1/vn/send. */
  virtualNumbers: z._default(z.array(z.string()), []),
  /** Rented virtual numbers that are disabled: POST /v1/vn/callforward answers 15 for them. */
  disabledVirtualNumbers: z._default(z.array(z.string()), []),
  /** false answers 14 (call forwarding is not enabled) to POST /v1/vn/callforward. */
  callForwarding: z._default(z.boolean(), true),
  /** Surveys built in the web app, by `sondageIdent`: the text that is sent. */
  surveys: z._default(z.record(z.string(), z.string()), {}),
  /**
   * Sub-accounts, which SMS Partner's support activates on a master account:
   * without it, creating one answers code 2 and moving credit code 4.
   */
  subaccounts: z._default(z.boolean(), false),
  /**
   * How long after its send time a recipient's outcome comes (its delivery
   * receipt), in ms: 6 s by default (what recorded traffic shows), 48 h at most
   * (what the docs say receipts can take).
   */
  deliveryDelayMs: z._default(delay, DEFAULT_DELIVERY_DELAY_MS),
  /** The outcome of numbers no rule or test number decides: `Waiting` means no receipt ever comes. */
  deliveryOutcome: z._default(z.enum(DELIVERY_STATUSES), 'Delivered'),
  /** Outcomes by number prefix (E.164, e.g. `+3361`), first match first; they win over the test numbers. */
  deliveryRules: z._default(
    z
      .array(
        z.object({
          prefix: z.string().check(z.regex(/^\+\d{0,15}$/, 'an E.164 prefix such as +3361')),
          status: z.enum(DELIVERY_STATUSES),
          delayMs: z.optional(delay),
        }),
      )
      .check(z.maxLength(100)),
    [],
  ),
  /** Where delivery receipts go when a send gives no `urlDlr` (the dashboard setting of a real account). */
  urlDlr: z.optional(webhookUrl),
  /** Where replies go when a send gives no `urlResponse` (the dashboard setting of a real account). */
  urlResponse: z.optional(webhookUrl),
  /**
   * Delivery receipts: posted as JSON (the default) or form fields, or not at
   * all. Their payload is this project's assumption (the docs describe none).
   */
  deliveryReceipts: z._default(z.enum(['json', 'form', 'off']), 'json'),
  /** How reply webhooks are posted: JSON (the newer Webhooks page) or form fields (the older pages' dumps). */
  replyFormat: z._default(z.enum(['json', 'form']), 'json'),
});
export type AccountConfig = z.infer<typeof accountConfig>;

export const mockConfig = z.object({
  accounts: z.array(accountConfig),
  /**
   * The HTTP status sent with `success: false` bodies. SMS Partner's docs do
   * not say which status those carry; 200 is this project's assumption (see the
   * README), kept here so it can change in one place when real traffic shows otherwise.
   */
  errorHttpStatus: z._default(z.int().check(z.gte(200), z.lte(599)), 200),
  /**
   * Price of one SMS part per destination country and range, decimal EUR
   * (default: France 0.038 Premium / 0.023 Low Cost, from the docs' examples;
   * see DEFAULT_PRICE_TABLE). A destination without a price answers code 13.
   */
  prices: z.optional(
    z.record(z.string(), z.object({ premium: z.optional(decimal), lowCost: z.optional(decimal) })),
  ),
  /** The STOP mention appended by `isStopSms=1` (its wording is not documented). */
  stopMention: z._default(z.string(), DEFAULT_STOP_MENTION),
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: z._default(z.int().check(z.positive()), 1_048_576),
  /**
   * Answer code 9 for request fields the API does not document, instead of
   * only reporting them; and code 90 for a body that is not sent as JSON.
   */
  strictParams: z._default(z.boolean(), false),
  /** How many requests `GET /__mock/requests` remembers (a ring buffer; 0 turns the journal off). */
  journalSize: z._default(z.int().check(z.gte(0), z.lte(100_000)), 1000),
  /** The store's bounds: see the README's Robustness section. */
  limits: z._default(
    z.object({
      /** Stored message recipients, over every account (a bulk send to 500 numbers counts 500). */
      messages: z._default(z.int().check(z.positive(), z.lte(10_000_000)), 500_000),
      /** Characters of stored message text, over every account. */
      textChars: z._default(z.int().check(z.positive(), z.lte(1_000_000_000)), 64 * 1024 * 1024),
      /**
       * When a bound is reached (after sandbox messages older than a day are
       * deleted, as the docs say the real API does): `refuse` answers code 500
       * ("Problem adding the SMS to the queue") and keeps every message;
       * `evict-finished` deletes the oldest cancelled or sent messages first.
       */
      whenFull: z._default(z.enum(['refuse', 'evict-finished']), 'refuse'),
      /** Numbers on STOP lists, over every account (POST /v1/stop-sms/add answers 500 beyond). */
      stopNumbers: z._default(z.int().check(z.positive(), z.lte(10_000_000)), 100_000),
      /** Webhook deliveries waiting or in flight, over every account; beyond, new ones are dropped (and listed so). */
      webhookQueue: z._default(z.int().check(z.positive(), z.lte(10_000_000)), 100_000),
      /** Webhook deliveries `GET /__mock/webhooks` remembers, over every account (a ring buffer). */
      webhookLog: z._default(z.int().check(z.positive(), z.lte(1_000_000)), 10_000),
    }),
    {
      messages: 500_000,
      textChars: 64 * 1024 * 1024,
      whenFull: 'refuse',
      stopNumbers: 100_000,
      webhookQueue: 100_000,
      webhookLog: 10_000,
    },
  ),
  /** How the mock posts webhooks (delivery receipts, replies): see the README's Webhooks section. */
  webhooks: z._default(
    z.object({
      /** One attempt's time limit, connection and answer included. */
      timeoutMs: z._default(z.int().check(z.gte(100), z.lte(60_000)), 5_000),
      /** Attempts per delivery, the first included; a 5xx, 408, 429, a timeout or a network error is retried. */
      maxAttempts: z._default(z.int().check(z.gte(1), z.lte(20)), 5),
      /** The wait before the first retry, on the mock's clock; it doubles after each failure. */
      backoffMs: z._default(z.int().check(z.gte(0), z.lte(3_600_000)), 1_000),
      /** The longest wait between two attempts, on the mock's clock. */
      maxBackoffMs: z._default(z.int().check(z.gte(0), z.lte(86_400_000)), 60_000),
      /** Attempts in flight at once, over every account. */
      concurrency: z._default(z.int().check(z.gte(1), z.lte(1_000)), 16),
      /**
       * Attempts started per second at most, over every account (real time), to
       * leave the API more of the event loop during a burst of receipts. 0 (the
       * default): as fast as `concurrency` allows.
       */
      ratePerSecond: z._default(z.int().check(z.gte(0), z.lte(1_000_000)), 0),
    }),
    {
      timeoutMs: DEFAULT_WEBHOOK_SETTINGS.timeoutMs,
      maxAttempts: DEFAULT_WEBHOOK_SETTINGS.maxAttempts,
      backoffMs: DEFAULT_WEBHOOK_SETTINGS.backoffMs,
      maxBackoffMs: DEFAULT_WEBHOOK_SETTINGS.maxBackoffMs,
      concurrency: DEFAULT_WEBHOOK_SETTINGS.concurrency,
      ratePerSecond: DEFAULT_WEBHOOK_SETTINGS.ratePerSecond,
    },
  ),
});
export type MockConfig = z.output<typeof mockConfig>;
export type MockConfigInput = z.input<typeof mockConfig>;

/** The built-in config: a funded account and one without credits (see the README). */
export const defaultConfigInput: MockConfigInput = {
  accounts: [
    {
      apiKey: 'test-funded-key',
      credits: 1000,
      name: 'funded',
      username: 'funded@example.test',
      hlrCredits: 100,
      unicode: true,
      virtualNumbers: ['33700000000'],
      surveys: { 'SURVEY-1': 'How was your visit? Reply 1 to 5' },
      subaccounts: true,
    },
    { apiKey: 'test-empty-key', credits: 0, name: 'no credits', username: 'empty@example.test' },
  ],
};

/** Parses a config, throwing a readable error that never repeats an apiKey. */
export function parseConfig(input: unknown, origin = 'config'): MockConfig {
  const result = mockConfig.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`Invalid ${origin}:\n  ${problems.join('\n  ')}`);
  }
  const keys = new Set<string>();
  for (const [index, account] of result.data.accounts.entries()) {
    if (keys.has(account.apiKey)) throw new Error(`Invalid ${origin}: accounts.${index} repeats an apiKey`);
    keys.add(account.apiKey);
  }
  return result.data;
}

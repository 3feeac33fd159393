import { DEFAULT_STOP_MENTION, parseAmount } from '@smspartner-kit/schema';
import * as z from 'zod/mini';

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
    }),
    { messages: 500_000, textChars: 64 * 1024 * 1024, whenFull: 'refuse' },
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

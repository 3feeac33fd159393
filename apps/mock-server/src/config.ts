import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';

/** One account of the mock, as the config declares it. */
export const accountConfig = z.object({
  apiKey: z.string().check(z.minLength(1)),
  /** Premium SMS credits. */
  credits: z.int().check(z.nonnegative()),
  /** A label for logs and the admin API (never the key). */
  name: z.optional(z.string()),
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
  /** Price of one Premium SMS part, in thousandths of a euro (38 = 0.038 EUR, the docs' example). */
  unitPriceMilli: z._default(z.int().check(z.positive()), 38),
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: z._default(z.int().check(z.positive()), 1_048_576),
  /** Answer code 9 for request fields the API does not document, instead of only reporting them. */
  strictParams: z._default(z.boolean(), false),
});
export type MockConfig = z.output<typeof mockConfig>;
export type MockConfigInput = z.input<typeof mockConfig>;

/** The built-in config: a funded account and one without credits (see the README). */
export const defaultConfigInput: MockConfigInput = {
  accounts: [
    { apiKey: 'test-funded-key', credits: 1000, name: 'funded' },
    { apiKey: 'test-empty-key', credits: 0, name: 'no credits' },
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

/** Reads a JSON config file. */
export function loadConfigFile(path: string): MockConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read config file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Config file ${path} is not JSON: ${(error as Error).message}`);
  }
  return parseConfig(json, `config file ${path}`);
}

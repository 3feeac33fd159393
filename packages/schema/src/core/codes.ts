/**
 * Control codes: what a code means, the English message the mock sends, and
 * where the fact comes from. Each endpoint's catalogue lives in its own
 * `route.ts`, composed from the shared blocks below plus its own codes; this
 * file holds only what several endpoints share. A code's text is written in
 * exactly one place, and the client's types, the mock's answers, the contracts
 * and the README all read it from there.
 *
 * Sources: `seed` (the official Cancel Scheduled SMS page, the authority),
 * `official` (docpartner.dev), `official-legacy` (its older pages),
 * `community` (toodiz/docpartner), `mock` (not documented anywhere: a decision
 * of this project, said so in the README).
 */
export type CodeSource = 'seed' | 'official' | 'official-legacy' | 'community' | 'mock';

export interface CodeEntry {
  readonly message: string;
  readonly source: CodeSource;
  /**
   * The HTTP status the docs give this answer, when it is not the one every
   * `success: false` body travels with (e.g. 429 over the rate limit of the
   * verification pages). The mock's HTTP layer sends it; without it, the
   * configured `errorHttpStatus` applies.
   */
  readonly httpStatus?: number;
}

export type CodeCatalogue = { readonly [code: number]: CodeEntry };

/**
 * The key checks every endpoint starts with: no key → 1, an unknown key → 10
 * [seed]. A few families number them otherwise (contacts answer 10 for a
 * missing key); their routes declare their own block.
 */
export const authCodes = {
  1: { message: 'API key is required', source: 'seed' },
  10: { message: 'Invalid API key', source: 'seed' },
} as const satisfies CodeCatalogue;

/**
 * Account gates [official Error Codes page]. An endpoint whose catalogue holds
 * one of these codes is gated by it (the mock checks them after the key, in
 * the order 96, 40, 20, 30); the seed's cancel table lists none, so cancel is
 * not gated.
 */
export const accountGateCodes = {
  20: { message: 'Account deactivated', source: 'official' },
  30: { message: 'Account blocked', source: 'official' },
  40: { message: 'API access denied', source: 'community' },
  96: { message: 'IP address not authorised', source: 'community' },
} as const satisfies CodeCatalogue;

/**
 * Over a documented rate limit (360 requests per minute on the number
 * verification pages): HTTP 429 [official]. The body is not documented; this
 * one is the project's, numbered after the platform's own code 429 for the
 * same case (Mail Partner's table on the Error Codes page).
 */
export const rateLimitCodes = {
  429: { message: 'Too many requests in one minute', source: 'mock', httpStatus: 429 },
} as const satisfies CodeCatalogue;

/** The codes of a catalogue, as numbers, in ascending order. */
export function codesOf<C extends CodeCatalogue>(catalogue: C): (keyof C & number)[] {
  return Object.keys(catalogue)
    .map(Number)
    .sort((a, b) => a - b) as (keyof C & number)[];
}

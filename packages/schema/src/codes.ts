/**
 * The error-code catalogue: every control code an endpoint family can answer,
 * with the English message the mock sends and where the fact comes from.
 * This file is the only place a code's meaning is written down; the client's
 * types, the mock's answers, the contracts and the README all read it.
 *
 * Sources: `seed` (the official Cancel Scheduled SMS page, the authority),
 * `official` (docpartner.dev), `community` (toodiz/docpartner),
 * `mock` (not documented anywhere: a decision of this project, said so in the README).
 */
export type CodeSource = 'seed' | 'official' | 'community' | 'mock';

export interface CodeEntry {
  readonly message: string;
  readonly source: CodeSource;
}

export type CodeCatalogue = { readonly [code: number]: CodeEntry };

/** Codes of GET /v1/message-cancel. The seed lists 1, 3, 4, 5, 6, 10, 11; 7 comes from the community page. */
export const cancelSmsCodes = {
  1: { message: 'API key is required', source: 'seed' },
  3: { message: 'Message ID is required', source: 'seed' },
  4: { message: 'Message not found', source: 'seed' },
  5: { message: 'The SMS has already been canceled', source: 'seed' },
  6: {
    message: 'It is not possible to cancel an SMS if it is due to be sent within the next 5 minutes',
    source: 'seed',
  },
  7: { message: 'It is not possible to cancel an SMS that has already been sent', source: 'community' },
  10: { message: 'Invalid API key', source: 'seed' },
  11: { message: 'Not enough credits', source: 'seed' },
} as const satisfies CodeCatalogue;

/** Codes of the send family (POST /v1/send and its siblings): the page table plus the Error Codes page. */
export const sendSmsCodes = {
  1: { message: 'API key is required', source: 'official' },
  2: { message: 'The phoneNumbers field is required', source: 'official' },
  4: { message: 'Message not found', source: 'official' },
  9: { message: 'At least one constraint was not respected', source: 'official' },
  10: { message: 'Invalid API key', source: 'official' },
  11: { message: 'Not enough credits', source: 'official' },
  13: { message: 'No default price found for these numbers', source: 'official' },
  14: { message: 'The number is in the STOP SMS list', source: 'official' },
  20: { message: 'Account deactivated', source: 'official' },
  22: { message: 'SMS Marketing: the sending time must be between 8 AM and 8 PM', source: 'official' },
  23: { message: 'SMS Marketing: no sending on Sundays and public holidays', source: 'official' },
  30: { message: 'Account blocked', source: 'official' },
  40: { message: 'API access denied', source: 'community' },
  42: { message: 'A Low Cost SMS is limited to 160 characters', source: 'community' },
  43: { message: 'The message is required', source: 'community' },
  44: { message: 'The sender is invalid', source: 'community' },
  45: { message: 'The date is required', source: 'community' },
  46: { message: 'The time is required', source: 'community' },
  47: { message: 'The minute value is invalid', source: 'community' },
  48: { message: 'Minutes must be between 0 and 55 in steps of 5', source: 'community' },
  49: { message: 'The date is invalid', source: 'community' },
  50: { message: 'At most 500 numbers per request', source: 'community' },
  51: { message: 'The low-cost range is not eligible', source: 'community' },
  52: { message: 'A concatenated SMS cannot exceed 10 parts', source: 'community' },
  55: { message: 'No number to send to', source: 'community' },
  90: { message: 'Malformed JSON: syntax error', source: 'community' },
  96: { message: 'IP address not authorised', source: 'community' },
  500: { message: 'Problem adding the SMS to the queue', source: 'community' },
  992: { message: 'Unauthorized sender', source: 'community' },
} as const satisfies CodeCatalogue;

/** Codes of GET /v1/me. The page lists 10 only; 1 for a missing key is the family-wide value. */
export const creditsCodes = {
  1: { message: 'API key is required', source: 'official' },
  10: { message: 'Invalid API key', source: 'official' },
  20: { message: 'Account deactivated', source: 'official' },
  30: { message: 'Account blocked', source: 'official' },
  40: { message: 'API access denied', source: 'community' },
  96: { message: 'IP address not authorised', source: 'community' },
} as const satisfies CodeCatalogue;

/**
 * Answers that do not belong to one endpoint but to the HTTP layer of the mock:
 * a body that is not JSON, a body over the size limit, an unknown route, a
 * method the route does not take. 90 is documented (send family); the others
 * are the mock's own, named after the HTTP status they travel with.
 */
export const transportCodes = {
  90: { message: 'Malformed JSON: syntax error', source: 'community' },
  404: { message: 'Unknown endpoint', source: 'mock' },
  405: { message: 'Method not allowed on this endpoint', source: 'mock' },
  413: { message: 'Request body too large', source: 'mock' },
} as const satisfies CodeCatalogue;

export type CancelSmsCode = keyof typeof cancelSmsCodes;
export type CreditsCode = keyof typeof creditsCodes;
export type SendSmsCode = keyof typeof sendSmsCodes;
export type TransportCode = keyof typeof transportCodes;

/** The codes of a catalogue, as numbers, in ascending order. */
export function codesOf<C extends CodeCatalogue>(catalogue: C): (keyof C & number)[] {
  return Object.keys(catalogue)
    .map(Number)
    .sort((a, b) => a - b) as (keyof C & number)[];
}

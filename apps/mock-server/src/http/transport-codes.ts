import { type CodeCatalogue, sendSmsCodes } from '@smspartner-kit/schema';

/**
 * Answers that belong to no endpoint but to the mock's HTTP layer: a body
 * that is not JSON (90, documented for the send family, whose catalogue holds
 * its text; sent with HTTP 400 as send.md says), and the mock's own 403, 404, 405 and 413, named after the HTTP status
 * they travel with (SMS Partner documents none of them).
 */
export const transportCodes = {
  90: sendSmsCodes[90],
  403: { message: 'Host name not served (see --allowed-hosts)', source: 'mock' },
  404: { message: 'Unknown endpoint', source: 'mock' },
  405: { message: 'Method not allowed on this endpoint', source: 'mock' },
  413: { message: 'Request body too large', source: 'mock' },
} as const satisfies CodeCatalogue;

export type TransportCode = keyof typeof transportCodes;

import * as z from 'zod/mini';
import type { CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';

/**
 * The success body [official; community]: `success: true` with code **2** and
 * a message (`Callforward disabled` for type 0), not 200. The answers to
 * types 1 and 2 are not documented; the mock's are the same shape.
 */
export const setCallForwardingResponse = z.object({
  success: z.literal(true),
  code: z.number(),
  message: z.string(),
});
export type SetCallForwardingResponse = z.infer<typeof setCallForwardingResponse>;

/**
 * Codes of POST /v1/vn/callforward, the page's table [official; 14–18
 * community]. Here 10 is "API key is required", and 9 is an invalid e-mail,
 * not a validation list. Code 1 ("name is required") names a parameter the
 * endpoint does not have. The page's error example (5, "email is not valid")
 * contradicts its table; the table wins.
 */
export const setCallForwardingCodes = {
  1: { message: 'The name is required', source: 'official' },
  10: { message: 'API key is required', source: 'official' },
  5: { message: 'The virtual number is required', source: 'official' },
  6: { message: 'The type is required', source: 'official' },
  7: { message: 'The type is invalid', source: 'official' },
  8: { message: 'The param field is required', source: 'official' },
  9: { message: 'The email address is invalid', source: 'official' },
  12: { message: 'The forwarding number is invalid', source: 'official' },
  13: { message: 'This virtual number does not exist', source: 'official' },
  14: { message: 'Call forwarding is not enabled', source: 'community' },
  15: { message: 'The number is disabled', source: 'community' },
  16: { message: 'Call forwarding is already enabled', source: 'community' },
  17: { message: 'Voicemail is already enabled', source: 'community' },
  18: { message: 'Call forwarding is already disabled', source: 'community' },
} as const satisfies CodeCatalogue;
export type SetCallForwardingCode = keyof typeof setCallForwardingCodes;

/** POST /v1/vn/callforward: the client's part of the `setCallForwarding` registry entry. */
export const setCallForwardingRoute = defineRoute({
  name: 'setCallForwarding',
  method: 'POST',
  path: '/v1/vn/callforward',
  response: setCallForwardingResponse,
  codes: setCallForwardingCodes,
});

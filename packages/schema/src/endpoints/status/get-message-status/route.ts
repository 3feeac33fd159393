import * as z from 'zod/mini';
import { authCodes, type CodeCatalogue } from '../../../core/codes.js';
import { defineRoute } from '../../../core/define.js';
import { successEnvelope } from '../../../core/envelope.js';
import { deliveryStatusField, statusDate, statusFlag, statusRetrievalCodes } from '../status-fields.js';

/**
 * The success body, in wire order [official; recorded `status.json`]. Quirks
 * kept: the status key is French (`statut`), `messageId` is a string,
 * `stopSms` a boolean (true when the recipient is on the STOP list), `number`
 * international in the recording (national in the official sample), `date`
 * unix seconds as a string in the recording (`yyyy-MM-dd HH:mm:ss` in the
 * official sample: both are read).
 */
export const getMessageStatusResponse = z.object({
  ...successEnvelope.shape,
  number: z.string(),
  messageId: z.union([z.string(), z.int()]),
  stopSms: statusFlag,
  date: statusDate,
  statut: deliveryStatusField,
  cost: z.number(),
  countryCode: z.string(),
  currency: z.string(),
});
export type GetMessageStatusResponse = z.infer<typeof getMessageStatusResponse>;

/**
 * Codes of GET /v1/message-status: the page's table (1, 2, 3, 4, 10) [official]
 * plus, from the Error Codes page's "Status Retrieval" table, 9 (not a mobile
 * number) and 96 (IP allow-list).
 */
export const getMessageStatusCodes = {
  ...authCodes,
  2: { message: 'Phone number is required', source: 'official' },
  3: { message: 'Message ID is required', source: 'official' },
  4: { message: 'Message not found', source: 'official' },
  9: statusRetrievalCodes[9],
  96: statusRetrievalCodes[96],
} as const satisfies CodeCatalogue;
export type GetMessageStatusCode = keyof typeof getMessageStatusCodes;

/** GET /v1/message-status: the client's part of the `getMessageStatus` registry entry. */
export const getMessageStatusRoute = defineRoute({
  name: 'getMessageStatus',
  method: 'GET',
  path: '/v1/message-status',
  xml: true,
  response: getMessageStatusResponse,
  codes: getMessageStatusCodes,
});

import * as z from 'zod/mini';
import { parseStatusDate, readStatusFlag } from '../rules/delivery-status.js';
import { readWebhookPayload, type WebhookBody, webhookFields } from './body.js';

/**
 * A delivery receipt, as the mock posts it to `urlDlr`. SMS Partner accepts
 * `urlDlr` on every send but documents no payload anywhere
 * (stop-and-replies.md §4): this one is this project's ASSUMPTION. It
 * mirrors the single-status answer's fields (without `success`/`code`), in
 * its order and with its quirks (`statut`, `messageId` a string, `date` unix
 * seconds); in form encoding every value is a string and `stopSms` is `"0"`/`"1"`.
 */
export const deliveryReceipt = z.object({
  number: z.string(),
  messageId: z.union([z.string(), z.int()]),
  stopSms: z.union([z.boolean(), z.enum(['0', '1', 'true', 'false'])]),
  date: z.union([z.string(), z.int()]),
  statut: z.string(),
  cost: z.union([z.number(), z.string().check(z.regex(/^\d+(\.\d+)?$/))]),
  countryCode: z.string(),
  currency: z.string(),
});
export type DeliveryReceiptPayload = z.infer<typeof deliveryReceipt>;

/** A delivery receipt in one shape. */
export interface DeliveryReceipt {
  readonly messageId: string;
  /** The recipient, as the status endpoints write it (E.164). */
  readonly phoneNumber: string;
  /** `Delivered` or `Not delivered` (any other string is passed through). */
  readonly status: string;
  /** When the status was reached, epoch ms, when readable. */
  readonly at: number | undefined;
  readonly stopSms: boolean;
  readonly cost: number;
  readonly countryCode: string;
  readonly currency: string;
  readonly payload: DeliveryReceiptPayload;
}

/**
 * Reads a delivery receipt (`urlDlr`), JSON or form-encoded, into one shape.
 * Throws {@link WebhookPayloadError} when the body is not one. The payload is
 * the mock's assumption (see {@link deliveryReceipt}): pin your receiver to
 * it only with that in mind.
 */
export function parseDeliveryReceipt(body: WebhookBody, contentType?: string): DeliveryReceipt {
  const payload = readWebhookPayload(
    deliveryReceipt,
    webhookFields(body, contentType),
    'Not a delivery-receipt payload',
  );
  return {
    messageId: String(payload.messageId),
    phoneNumber: payload.number,
    status: payload.statut,
    at: parseStatusDate(payload.date),
    stopSms: readStatusFlag(payload.stopSms),
    cost: Number(payload.cost),
    countryCode: payload.countryCode,
    currency: payload.currency,
    payload,
  };
}

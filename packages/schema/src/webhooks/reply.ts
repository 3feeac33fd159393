import * as z from 'zod/mini';
import { readWebhookPayload, type WebhookBody, WebhookPayloadError, webhookFields } from './body.js';

/**
 * A reply received on a long (virtual) number, one callback per SMS part
 * [official EN page; official FR Webhooks page]. Field names and order as
 * documented; they are Vonage's inbound-SMS fields, whose conventions fill
 * the gaps the pages leave: `keyword` is the first word, uppercased;
 * `message-timestamp` is `yyyy-MM-dd HH:mm:ss` in UTC; a long reply comes in
 * parts sharing one `concat-ref`, each with `concat-total` and `concat-part`.
 * Every value is a string, as form fields are.
 */
export const longNumberReply = z.object({
  /** The sender of the reply, international without `+` (`33612345678`). */
  msisdn: z.string(),
  /** Your long number, international without `+`. */
  to: z.string(),
  /** The inbound message's own id (not the id of the SMS it answers). */
  messageId: z.string(),
  concat: z.optional(z.string()),
  'concat-ref': z.optional(z.string()),
  'concat-total': z.optional(z.string()),
  'concat-part': z.optional(z.string()),
  text: z.string(),
  type: z.string(),
  keyword: z.string(),
  'message-timestamp': z.string(),
});
export type LongNumberReply = z.infer<typeof longNumberReply>;

/**
 * A reply to a short number (Premium campaigns), or a STOP received there
 * [official FR Webhooks page; EN page as an Array dump]: `message_id` is an
 * integer in the JSON sample and a string in the dump, presumably the send
 * being answered.
 */
export const shortNumberReply = z.object({
  type: z.enum(['response', 'stop']),
  phone_number: z.string(),
  text: z.string(),
  message_id: z.union([z.int(), z.string()]),
});
export type ShortNumberReply = z.infer<typeof shortNumberReply>;

/**
 * A tap on a suggestion of an RCS message. The RCS page says nothing of how
 * taps come back: this payload is this project's ASSUMPTION, the
 * short-number reply's fields with `type: "rcs_suggestion"` and the
 * suggestion's `postbackData` (its `text` is the suggestion's text).
 */
export const rcsSuggestionTap = z.object({
  type: z.literal('rcs_suggestion'),
  phone_number: z.string(),
  text: z.string(),
  postbackData: z.string(),
  message_id: z.union([z.int(), z.string()]),
});
export type RcsSuggestionTap = z.infer<typeof rcsSuggestionTap>;

/** A reply webhook in one shape, whichever kind of number received it. */
export type ReplyWebhook =
  | {
      readonly kind: 'long-number';
      /** The sender, E.164 (`+33612345678`). */
      readonly from: string;
      /** Your long number, E.164. */
      readonly to: string;
      readonly text: string;
      readonly keyword: string;
      /** The inbound message's id. */
      readonly inboundId: string;
      /** When the platform received it, epoch ms (UTC timestamp), when readable. */
      readonly receivedAt: number | undefined;
      /** Set on each part of a long reply: join parts with the same `ref` in `part` order. */
      readonly concat: { readonly ref: string; readonly total: number; readonly part: number } | undefined;
      readonly payload: LongNumberReply;
    }
  | {
      readonly kind: 'short-number';
      /** `stop` when the recipient sent STOP: the number is on the STOP list from then on. */
      readonly type: 'response' | 'stop';
      /** The sender, as sent (`+336…`). */
      readonly from: string;
      readonly text: string;
      /** The id of the send being answered, as a string. */
      readonly messageId: string;
      readonly payload: ShortNumberReply;
    }
  | {
      /** A tap on a suggestion of an RCS message (the payload is this project's assumption). */
      readonly kind: 'rcs-suggestion';
      readonly from: string;
      /** The suggestion's text. */
      readonly text: string;
      /** The suggestion's `postbackData`: what your code matches on. */
      readonly postbackData: string;
      /** The id of the RCS send whose suggestion was tapped, as a string. */
      readonly messageId: string;
      readonly payload: RcsSuggestionTap;
    };

const international = (digits: string) => (digits.startsWith('+') ? digits : `+${digits}`);

function utcTimestamp(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isFinite(at) ? at : undefined;
}

/**
 * Reads a reply webhook (`urlResponse`), JSON or form-encoded, long-number,
 * short-number or an RCS suggestion tap, into one shape. Throws {@link WebhookPayloadError} when the
 * body is neither payload.
 *
 * @example
 * ```ts
 * app.post('/sms/replies', express.text({ type: '*\/*' }), (req, res) => {
 *   const reply = parseReplyWebhook(req.body, req.get('content-type'));
 *   if (reply.kind === 'short-number' && reply.type === 'stop') unsubscribe(reply.from);
 *   res.sendStatus(204);
 * });
 * ```
 */
export function parseReplyWebhook(body: WebhookBody, contentType?: string): ReplyWebhook {
  const fields = webhookFields(body, contentType);
  if ('msisdn' in fields) {
    const payload = readWebhookPayload(longNumberReply, fields, 'Not a long-number reply payload');
    const total = Number(payload['concat-total']);
    const part = Number(payload['concat-part']);
    const ref = payload['concat-ref'];
    return {
      kind: 'long-number',
      from: international(payload.msisdn),
      to: international(payload.to),
      text: payload.text,
      keyword: payload.keyword,
      inboundId: payload.messageId,
      receivedAt: utcTimestamp(payload['message-timestamp']),
      concat:
        payload.concat === 'true' && ref !== undefined && Number.isInteger(total) && Number.isInteger(part)
          ? { ref, total, part }
          : undefined,
      payload,
    };
  }
  if (fields.type === 'rcs_suggestion') {
    const tap = readWebhookPayload(rcsSuggestionTap, fields, 'Not an RCS suggestion tap payload');
    return {
      kind: 'rcs-suggestion',
      from: tap.phone_number,
      text: tap.text,
      postbackData: tap.postbackData,
      messageId: String(tap.message_id),
      payload: tap,
    };
  }
  const payload = readWebhookPayload(
    shortNumberReply,
    fields,
    'Neither a long-number nor a short-number reply payload',
  );
  return {
    kind: 'short-number',
    type: payload.type,
    from: payload.phone_number,
    text: payload.text,
    messageId: String(payload.message_id),
    payload,
  };
}

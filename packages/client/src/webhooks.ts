// The `@smspartner-kit/client/webhooks` entry: what a webhook receiver needs.
// An entry of its own, so that apps that only call the API do not bundle it.

/**
 * Parsers of what SMS Partner (or the mock) posts to your URLs, reading JSON
 * and form bodies alike (the docs show both):
 *
 * - `parseReplyWebhook(body, contentType?)`: `urlResponse`, a reply on a long
 *   number (one callback per SMS part, `concat*` on each), on a short number
 *   (`type: "response"` or `type: "stop"`), or a tap on an RCS suggestion
 *   (`kind: "rcs-suggestion"`, with its `postbackData`: the mock's assumption).
 * - `parseDeliveryReceipt(body, contentType?)`: `urlDlr`. SMS Partner
 *   documents no payload: this one is the mock's assumption (the single-status fields).
 * - `parseHlrResult(body, contentType?)`: `notifyUrl` of an HLR request, one
 *   callback per number (the documented fields; `error` is the HLR table's entry).
 *
 * All three throw `WebhookPayloadError` (with `issues`) for anything else.
 *
 * @example
 * ```ts
 * import { parseReplyWebhook } from '@smspartner-kit/client/webhooks';
 *
 * app.post('/sms/replies', express.text({ type: '*\/*' }), (req, res) => {
 *   const reply = parseReplyWebhook(req.body, req.get('content-type'));
 *   if (reply.kind === 'short-number' && reply.type === 'stop') unsubscribe(reply.from);
 *   res.sendStatus(204);
 * });
 * ```
 */
export {
  type DeliveryReceipt,
  type DeliveryReceiptPayload,
  type HlrResult,
  type LongNumberReply,
  parseDeliveryReceipt,
  parseHlrResult,
  parseReplyWebhook,
  type RcsSuggestionTap,
  type ReplyWebhook,
  type ShortNumberReply,
  type WebhookBody,
  WebhookPayloadError,
} from '@smspartner-kit/schema';

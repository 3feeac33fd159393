import {
  type DeliveryStatus,
  formatStatusDate,
  gsmSeptets,
  type LongNumberReply,
  type RcsSuggestionTap,
  type ShortNumberReply,
  SMS_LIMITS,
} from '@smspartner-kit/schema';

/**
 * The payloads the mock posts, as pure functions of what happened: replies
 * in the documented shapes (stop-and-replies.md §4), and delivery receipts in
 * this project's assumed shape (the single-status fields).
 */

/** A STOP: the text's first word is STOP, whatever its case [official: a recipient replying STOP is listed]. */
export function isStopText(text: string): boolean {
  return /^\s*stop\b/i.test(text);
}

/** The first word of a text, uppercased: Vonage's `keyword`, which SMS Partner's long-number fields are. */
export function keywordOf(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? '').toUpperCase();
}

/** `yyyy-MM-dd HH:mm:ss` in UTC: Vonage's `message-timestamp`. */
export function utcTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Splits a reply into the SMS parts it arrived in: one up to 160 GSM-7
 * septets (70 UTF-16 units outside GSM-7), else parts of 153 (67), a
 * character never split across two (as the send family counts).
 */
export function replyParts(text: string): string[] {
  const chars = [...text];
  const gsm = chars.every((char) => gsmSeptets(char) !== undefined);
  const limits = gsm ? SMS_LIMITS.gsm : SMS_LIMITS.unicode;
  const cost = (char: string) => (gsm ? (gsmSeptets(char) ?? 1) : char.length);
  const total = chars.reduce((sum, char) => sum + cost(char), 0);
  if (total <= limits.single) return [text];
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const char of chars) {
    if (used + cost(char) > limits.perPart) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += cost(char);
  }
  parts.push(current);
  return parts;
}

const withoutPlus = (number: string) => number.replace(/^\+/, '');

/**
 * A reply on a long number: one payload per part, in the documented order;
 * the `concat*` fields on each part of a long reply.
 */
export function longNumberReplies(input: {
  from: string;
  to: string;
  text: string;
  at: number;
  /** A new inbound message id: each part has its own, as on Vonage. */
  nextId: () => string;
  /** The reference shared by the parts of one long reply. */
  concatRef: string;
}): LongNumberReply[] {
  const parts = replyParts(input.text);
  return parts.map((text, index) => ({
    msisdn: withoutPlus(input.from),
    to: withoutPlus(input.to),
    messageId: input.nextId(),
    ...(parts.length > 1
      ? {
          concat: 'true',
          'concat-ref': input.concatRef,
          'concat-total': String(parts.length),
          'concat-part': String(index + 1),
        }
      : {}),
    text,
    type: 'text',
    keyword: keywordOf(text),
    'message-timestamp': utcTimestamp(input.at),
  }));
}

/** A reply (or a STOP) on a short number [official FR Webhooks page]. */
export function shortNumberReply(input: { from: string; text: string; messageId: number }): ShortNumberReply {
  return {
    type: isStopText(input.text) ? 'stop' : 'response',
    phone_number: input.from,
    text: input.text,
    message_id: input.messageId,
  };
}

/** A tap on an RCS suggestion: the project's ASSUMPTION (the RCS page says nothing of taps). */
export function rcsSuggestionTapPayload(input: {
  from: string;
  text: string;
  postbackData: string;
  messageId: number;
}): RcsSuggestionTap {
  return {
    type: 'rcs_suggestion',
    phone_number: input.from,
    text: input.text,
    postbackData: input.postbackData,
    message_id: input.messageId,
  };
}

/**
 * A delivery receipt: the mock's ASSUMPTION (no page documents it), the
 * single-status answer's fields without `success`/`code`, in its order.
 */
export function deliveryReceiptPayload(input: {
  phoneNumber: string;
  messageId: number;
  stopSms: boolean;
  at: number;
  status: DeliveryStatus;
  cost: number;
  countryCode: string;
}) {
  return {
    number: input.phoneNumber,
    messageId: String(input.messageId),
    stopSms: input.stopSms,
    date: formatStatusDate(input.at),
    statut: input.status,
    cost: input.cost,
    countryCode: input.countryCode,
    currency: 'EUR',
  };
}

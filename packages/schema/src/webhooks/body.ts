/**
 * Webhook bodies as they arrive: SMS Partner's pages show reply callbacks
 * both as PHP `Array(...)` dumps of form fields and as JSON posted with
 * `Content-Type: application/json` (stop-and-replies.md §4), so a receiver
 * accepts either. These helpers read and write both, the same way for every
 * webhook; no dependency, so they run in Node, browsers and edge runtimes.
 */

/**
 * Provider states of the webhook contracts (Pact asynchronous messages): a
 * delivered message with `urlDlr`, a reply received (`text`, `longNumber`,
 * `urlResponse`), and an HLR request with `notifyUrl` (`phoneNumbers`). Not an
 * endpoint's, so listed here.
 */
export const webhookStates = [
  'a message with a delivery status',
  'a reply was received',
  'numbers were verified',
] as const;
export type WebhookStateName = (typeof webhookStates)[number];

/** Thrown by the webhook parsers when a body is not the payload they read. */
export class WebhookPayloadError extends Error {
  override readonly name = 'WebhookPayloadError' as const;
  constructor(
    message: string,
    /** What did not fit, one line each (field paths and reasons). */
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

/** What the parsers need of a zod schema: `safeParse` (kept structural: this file imports nothing). */
interface PayloadSchema<Payload> {
  safeParse(value: unknown):
    | { readonly success: true; readonly data: Payload }
    | {
        readonly success: false;
        readonly error: { readonly issues: readonly { path: PropertyKey[]; message: string }[] };
      };
}

/**
 * A webhook's fields read by its schema, or a {@link WebhookPayloadError}
 * with `message` and one issue per field that did not fit.
 */
export function readWebhookPayload<Payload>(
  schema: PayloadSchema<Payload>,
  fields: Record<string, unknown>,
  message: string,
): Payload {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw new WebhookPayloadError(
    message,
    parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`),
  );
}

/** A webhook body in any form a server framework hands it over. */
export type WebhookBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | URLSearchParams
  | FormData
  | Readonly<Record<string, unknown>>;

/** Reads a body (JSON or `application/x-www-form-urlencoded`) into its fields. */
export function webhookFields(body: WebhookBody, contentType?: string): Record<string, unknown> {
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const fields: Record<string, unknown> = {};
    body.forEach((value, key) => {
      fields[key] = typeof value === 'string' ? value : '';
    });
    return fields;
  }
  let text: string;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array || body instanceof ArrayBuffer) text = new TextDecoder().decode(body);
  else if (typeof body === 'object' && body !== null && !Array.isArray(body)) return { ...body };
  else throw new WebhookPayloadError('A webhook body must be JSON text, form fields or an object');
  const trimmed = text.trim();
  const declaredForm = contentType !== undefined && /^application\/x-www-form-urlencoded/i.test(contentType);
  if (!declaredForm && trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new WebhookPayloadError('The webhook body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new WebhookPayloadError('The webhook body is not a JSON object');
    }
    return parsed as Record<string, unknown>;
  }
  return Object.fromEntries(new URLSearchParams(trimmed));
}

/** The encodings the mock sends webhooks in: JSON (the default) or form fields. */
export type WebhookEncoding = 'json' | 'form';

/**
 * Writes a payload as a webhook body: JSON as is, or form fields where every
 * value is a string (booleans as `"1"`/`"0"`, as a PHP back end writes them).
 */
export function encodeWebhook(
  payload: Readonly<Record<string, unknown>>,
  encoding: WebhookEncoding,
): { contentType: string; body: string } {
  if (encoding === 'json') return { contentType: 'application/json', body: JSON.stringify(payload) };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    form.append(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return { contentType: 'application/x-www-form-urlencoded', body: form.toString() };
}

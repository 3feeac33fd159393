import {
  HLR_ERRORS,
  type HlrError,
  type HlrNotification,
  hlrNotification,
} from '../endpoints/verification/hlr-errors.js';
import { readWebhookPayload, type WebhookBody, webhookFields } from './body.js';

/** One number's HLR result in one shape. */
export interface HlrResult {
  /** The number checked, as the notification writes it (E.164). */
  readonly phoneNumber: string;
  /** The id of this lookup (`messageId` in the payload). */
  readonly id: string;
  /** The network's MCC and MNC (`20815`), or `''` when unknown. */
  readonly mccMnc: string;
  readonly ported: boolean;
  /** The operator error group: 0 when the number is fine. */
  readonly errorGroupId: number;
  /** `NO_ERROR`, `EC_UNKNOWN_SUBSCRIBER`, …, without the sample's trailing space. */
  readonly errorName: string;
  readonly errorDescription: string;
  /** The error of the Error Codes page's HLR table with that name, when it lists it. */
  readonly error: HlrError | undefined;
  /** When the lookup ran, epoch ms, when readable. */
  readonly at: number | undefined;
  readonly payload: HlrNotification;
}

/** `2018-03-05T10:34:52.355+0000`: ISO 8601 whose offset has no colon. */
function readHlrDate(value: string): number | undefined {
  const at = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at) ? undefined : at;
}

/**
 * Reads an HLR result, what `POST /v1/hlr/notify` sends to `notifyUrl` for
 * each number (JSON, or the form fields of the docs' dump), into one shape.
 * Throws {@link WebhookPayloadError} when the body is not one.
 */
export function parseHlrResult(body: WebhookBody, contentType?: string): HlrResult {
  const payload = readWebhookPayload(
    hlrNotification,
    webhookFields(body, contentType),
    'Not an HLR result payload',
  );
  const errorName = payload.errorName.trim();
  return {
    phoneNumber: payload.phone,
    id: payload.messageId,
    mccMnc: payload.mccMnc,
    ported: String(payload.ported) === '1',
    errorGroupId: Number(payload.errorGrpId),
    errorName,
    errorDescription: payload.errorDesc,
    error: HLR_ERRORS.find((candidate) => candidate.name === errorName),
    at: readHlrDate(payload.date),
    payload,
  };
}

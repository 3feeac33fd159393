import { type SendSmsResponse, type SendSurveyRequest, sendSurveyRoute } from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';
import { scheduleFields } from './send-sms.js';

/** Input of {@link sendSurvey}. */
export interface SendSurveyInput {
  readonly phoneNumbers: string | readonly string[];
  /** The survey's identifier, from the SMS Partner web app. */
  readonly sondageIdent: string;
  readonly tag?: string;
  /** When to send; see `scheduleFields` for the rules (Paris time, five-minute steps). */
  readonly scheduledAt?: Date | string;
}

/**
 * Sends a survey built in the web app: `POST /v1/sondage/to/send`. Answers
 * like a single send. Never retried.
 */
export async function sendSurvey(
  transport: SmsPartnerTransport,
  input: SendSurveyInput,
): Promise<SendSmsResponse> {
  const schedule = input.scheduledAt === undefined ? undefined : scheduleFields(input.scheduledAt);
  const body = {
    phoneNumbers: typeof input.phoneNumbers === 'string' ? input.phoneNumbers : input.phoneNumbers.join(','),
    sondageIdent: input.sondageIdent,
    tag: input.tag,
    scheduledDeliveryDate: schedule?.scheduledDeliveryDate,
    time: schedule?.time,
    minute: schedule?.minute,
  } satisfies Omit<SendSurveyRequest, 'apiKey' | '_format'>;
  return transport.call(sendSurveyRoute, body);
}

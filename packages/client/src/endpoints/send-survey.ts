import { type SendSmsResponse, sendSurveyRoute } from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';
import { joinNumbers, optionalSchedule } from './send-options.js';

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
 * like a single send. The conversion: numbers joined with commas,
 * `scheduledAt` as Paris schedule fields. Never retried.
 */
export async function sendSurvey(
  transport: SmsPartnerTransport,
  input: SendSurveyInput,
): Promise<SendSmsResponse> {
  return transport.call(sendSurveyRoute, {
    phoneNumbers: joinNumbers(input.phoneNumbers),
    sondageIdent: input.sondageIdent,
    tag: input.tag,
    ...optionalSchedule(input.scheduledAt),
  });
}

import { type SendSmsResponse, sendVnSmsRoute } from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';
import { flag } from './send-options.js';

/** Input of {@link sendVnSms}. */
export interface SendVnSmsInput {
  /** The recipient: national French or international format. */
  readonly to: string;
  /** Your rented virtual number, international without "+" (e.g. `33700000000`). */
  readonly from: string;
  readonly message: string;
  readonly tag?: string;
  readonly urlResponse?: string;
  readonly urlDlr?: string;
  readonly isStopSms?: boolean;
  readonly sandbox?: boolean;
}

/**
 * Sends from a rented virtual long number: `POST /v1/vn/send`. Answers like
 * a single send. Code 992 when `from` is not one of the account's numbers.
 * The conversion: flags as 1. Never retried.
 */
export async function sendVnSms(
  transport: SmsPartnerTransport,
  input: SendVnSmsInput,
): Promise<SendSmsResponse> {
  return transport.call(sendVnSmsRoute, {
    to: input.to,
    from: input.from,
    message: input.message,
    tag: input.tag,
    urlResponse: input.urlResponse,
    urlDlr: input.urlDlr,
    isStopSms: flag(input.isStopSms),
    sandbox: flag(input.sandbox),
  });
}

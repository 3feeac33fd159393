import type { GetCreditsResponse, SendBulkSmsResponse, SendSmsResponse } from '@smspartner-kit/schema';

/**
 * One shape for every send answer, whatever the endpoint's wire quirks:
 * `message_id` as a number or a string, `nb_sms` (single, long number, survey)
 * or `nbSMS` (bulk top level) and `nbSms` (bulk items).
 */
export interface SendReceipt {
  /** Always a string: ids travel as numbers in send answers and as strings in status answers. */
  messageId: string;
  nbSms: number;
  cost: number;
  currency: string;
  /** `yyyy-MM-dd HH:mm:ss`, Paris time, for scheduled (or held) sends. */
  scheduledDeliveryDate: string | undefined;
  /** Bulk sends only: how each item went. */
  items: { phoneNumber: string; success: boolean; code: number; nbSms: number; cost: number }[] | undefined;
}

/** Normalises the answer of any send: single, bulk, from a long number, or a survey. */
export function normalizeSendResult(result: SendSmsResponse | SendBulkSmsResponse): SendReceipt {
  const bulk = 'SMSResponse_List' in result;
  return {
    messageId: String(result.message_id),
    nbSms: bulk ? result.nbSMS : result.nb_sms,
    cost: result.cost,
    currency: result.currency,
    scheduledDeliveryDate: result.scheduledDeliveryDate,
    items: bulk
      ? result.SMSResponse_List.map(({ phoneNumber, success, code, nbSms, cost }) => ({
          phoneNumber,
          success,
          code,
          nbSms,
          cost,
        }))
      : undefined,
  };
}

/** The credits answer in one shape: `creditSmsECO` or the older `creditSmsLowCost`, counts as numbers. */
export interface CreditsSummary {
  username: string;
  premium: number;
  lowCost: number | undefined;
  hlr: number;
  toSend: number;
  /** Decimal string, as the API writes it ("10225.119"). */
  balance: string;
  currency: string;
}

export function normalizeCredits(result: GetCreditsResponse): CreditsSummary {
  const { credits } = result;
  return {
    username: result.user.username,
    premium: credits.creditSms,
    lowCost: credits.creditSmsECO ?? credits.creditSmsLowCost,
    hlr: credits.creditHlr,
    toSend: credits.toSend,
    balance: credits.balance,
    currency: credits.currency,
  };
}

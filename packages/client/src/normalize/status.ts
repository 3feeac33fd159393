import {
  type GetBulkStatusResponse,
  type GetMessageStatusResponse,
  type GetMultiStatusResponse,
  type GetStatusByTagResponse,
  parseStatusDate,
  readStatusFlag,
} from '@smspartner-kit/schema';

/**
 * One recipient's status in one shape, whichever endpoint answered: the wire
 * quirks (`statut` or `status`, `messageId` a string or a number, `stopSms`
 * a boolean or `"0"`, `stopSMS`, `date` as unix seconds or as
 * `yyyy-MM-dd HH:mm:ss`) read once, here.
 */
export interface RecipientStatusSummary {
  /** As a string, whatever the answer sent; undefined in status by tag, whose items carry none. */
  readonly messageId: string | undefined;
  readonly phoneNumber: string;
  /** `Delivered`, `Not delivered`, `Waiting`, or `Number not found` for an unknown multi-status pair. */
  readonly status: string;
  /** False for a multi-status pair the API does not know (`code: 4`). */
  readonly found: boolean;
  /** When the status was reached, when the answer says (both date forms are read). */
  readonly at: Date | undefined;
  /** On the account's STOP list. */
  readonly stopSms: boolean;
}

const dateOf = (value: unknown): Date | undefined => {
  const at = parseStatusDate(value);
  return at === undefined ? undefined : new Date(at);
};

/** Normalises a single-status answer (GET /v1/message-status). */
export function normalizeMessageStatus(result: GetMessageStatusResponse): RecipientStatusSummary & {
  readonly cost: number;
  readonly countryCode: string;
  readonly currency: string;
} {
  return {
    messageId: String(result.messageId),
    phoneNumber: result.number,
    status: result.statut,
    found: true,
    at: dateOf(result.date),
    stopSms: readStatusFlag(result.stopSms),
    cost: result.cost,
    countryCode: result.countryCode,
    currency: result.currency,
  };
}

/** Normalises a status-list answer (multi-status, bulk-status, bulk-status-by-tag), item by item. */
export function normalizeStatusList(
  result: GetMultiStatusResponse | GetBulkStatusResponse | GetStatusByTagResponse,
): RecipientStatusSummary[] {
  if ('message_id' in result) {
    const messageId = String(result.message_id);
    return result.StatutResponse_List.map((item) => ({
      messageId,
      phoneNumber: item.phoneNumber,
      status: item.status,
      found: true,
      at: dateOf(item.date),
      stopSms: readStatusFlag(item.stopSMS),
    }));
  }
  return result.StatutResponse_List.map((item) =>
    'success' in item
      ? {
          messageId: String(item.messageId),
          phoneNumber: item.phoneNumber,
          status: item.status,
          found: item.success,
          at: dateOf(item.date),
          stopSms: readStatusFlag(item.stopSms),
        }
      : {
          messageId: undefined,
          phoneNumber: item.phoneNumber,
          status: item.status,
          found: true,
          at: dateOf(item.date),
          stopSms: readStatusFlag(item.stopSMS),
        },
  );
}

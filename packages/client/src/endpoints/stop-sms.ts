import {
  type AddStopSmsResponse,
  addStopSmsRoute,
  type DeleteStopSmsResponse,
  deleteStopSmsRoute,
  type ListStopSmsResponse,
  listStopSmsRoute,
} from '@smspartner-kit/schema';
import type { SmsPartnerTransport } from '../transport.js';

/** The account's STOP list: `GET /v1/stop-sms/list`. */
export function listStopSms(
  transport: SmsPartnerTransport,
  _input: Record<string, never> = {},
): Promise<ListStopSmsResponse> {
  return transport.call('listStopSms', listStopSmsRoute, {});
}

/** Adds a number to the STOP list: `POST /v1/stop-sms/add`; code 3 when it is listed already. */
export function addStopSms(
  transport: SmsPartnerTransport,
  input: { readonly phoneNumber: string },
): Promise<AddStopSmsResponse> {
  return transport.call('addStopSms', addStopSmsRoute, { phoneNumber: input.phoneNumber });
}

/** Removes a STOP-list entry by its `id` (Add's `stopId`): `GET /v1/stop-sms/delete`. */
export function deleteStopSms(
  transport: SmsPartnerTransport,
  input: { readonly id: number | string },
): Promise<DeleteStopSmsResponse> {
  return transport.call('deleteStopSms', deleteStopSmsRoute, { id: input.id });
}

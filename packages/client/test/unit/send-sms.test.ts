import { sendSmsCodes } from '@smspartner-kit/schema';
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  isSmsPartnerApiError,
  type SendSmsCode,
  type SendSmsResponse,
  SmsPartnerApiError,
  SmsPartnerResponseError,
  SmsPartnerScheduleError,
  scheduleFields,
  sendSms,
} from '../../src/index.ts';
import { json, observedClient, observedTransport, rejectionOf, replies } from './helpers.ts';

const success = { success: true, code: 200, message_id: 307, nb_sms: 1, cost: 0.038, currency: 'EUR' };

describe('sendSms', () => {
  describe('request', () => {
    test('posts a JSON body to /v1/send with the apiKey in the body', async () => {
      const { client, requests } = observedClient(replies(json(success)));
      await client.sendSms({ phoneNumbers: '+33600000000', message: 'test', sender: 'mycompany' });
      expect(requests).toEqual([
        {
          method: 'POST',
          url: 'http://127.0.0.1:4010/v1/send',
          query: {},
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          json: {
            apiKey: 'test-funded-key',
            phoneNumbers: '+33600000000',
            message: 'test',
            sender: 'mycompany',
          },
        },
      ]);
    });

    test('joins several numbers with commas, sends flags as 1 and leaves false flags out', async () => {
      const { client, requests } = observedClient(replies(json(success)));
      await client.sendSms({
        phoneNumbers: ['+33600000000', '0611111111'],
        message: 'Promo',
        gamme: 2,
        tag: 'spring',
        urlResponse: 'https://example.com/replies',
        urlDlr: 'https://example.com/dlr',
        isStopSms: true,
        isUnicode: false,
        sandbox: true,
      });
      expect(requests[0]?.json).toEqual({
        apiKey: 'test-funded-key',
        phoneNumbers: '+33600000000,0611111111',
        message: 'Promo',
        gamme: 2,
        tag: 'spring',
        urlResponse: 'https://example.com/replies',
        urlDlr: 'https://example.com/dlr',
        isStopSms: 1,
        sandbox: 1,
      });
    });

    test('sends no apiKey in proxy mode', async () => {
      const { client, requests } = observedClient(replies(json(success)), { apiKey: undefined });
      await client.sendSms({ phoneNumbers: '+33600000000', message: 'test' });
      expect(requests[0]?.json).toEqual({ phoneNumbers: '+33600000000', message: 'test' });
    });

    test('the standalone function sends the same request as the client method', async () => {
      const { transport, requests } = observedTransport(replies(json(success)));
      await expect(sendSms(transport, { phoneNumbers: '+33600000000', message: 'test' })).resolves.toEqual(
        success,
      );
      expect(requests[0]?.json).toEqual({
        apiKey: 'test-funded-key',
        phoneNumbers: '+33600000000',
        message: 'test',
      });
    });
  });

  describe('success', () => {
    test('resolves with the typed body, extra fields dropped', async () => {
      const { client } = observedClient(replies(json({ ...success, phoneNumber: '+33600000000' })));
      const result = await client.sendSms({ phoneNumbers: '+33600000000', message: 'test' });
      expect(result).toEqual(success);
      expectTypeOf(result).toEqualTypeOf<SendSmsResponse>();
    });

    test('keeps the scheduledDeliveryDate echo of a scheduled send (recorded answer)', async () => {
      const recorded = {
        success: true,
        code: 200,
        message_id: 2270142,
        nb_sms: 1,
        cost: 0.04,
        currency: 'EUR',
        scheduledDeliveryDate: '2018-08-18 20:00:00',
      };
      const { client } = observedClient(replies(json(recorded)));
      await expect(client.sendSms({ phoneNumbers: '+33600000000', message: 'x' })).resolves.toEqual(recorded);
    });

    test('a success body missing a field is a SmsPartnerResponseError listing the issue', async () => {
      const { client } = observedClient(
        replies(json({ success: true, code: 200, message_id: 1, cost: 0.04, currency: 'EUR' })),
      );
      const error = await rejectionOf(client.sendSms({ phoneNumbers: '+33600000000', message: 'x' }));
      expect(error).toBeInstanceOf(SmsPartnerResponseError);
      expect(error).toMatchObject({
        problem: 'unexpected-shape',
        issues: [{ code: 'invalid_type', path: ['nb_sms'] }],
      });
    });
  });

  describe('control codes', () => {
    test.each([1, 2, 10, 11, 14, 22, 500] as const)(
      'code %i rejects with SmsPartnerApiError',
      async (code) => {
        const body = { success: false, code, message: sendSmsCodes[code].message };
        const { client } = observedClient(replies(json(body, 400)));
        const error = await rejectionOf(client.sendSms({ phoneNumbers: '+33600000000', message: 'x' }));
        expect(error).toBeInstanceOf(SmsPartnerApiError);
        expect(error).toMatchObject({
          code,
          body,
          errors: [],
          endpoint: 'sendSms',
          request: {
            method: 'POST',
            url: 'http://127.0.0.1:4010/v1/send',
            body: { apiKey: 'REDACTED', phoneNumbers: '+33600000000', message: 'x' },
          },
        });
      },
    );

    const issues = [
      { elementId: 'children[message].data', message: 'The message is required' },
      { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (922264)' },
    ];
    test.each([
      { key: 'error', source: 'recorded traffic' },
      { key: 'errors', source: 'community docs' },
    ])('code 9 with the validation list under `$key` ($source) fills `errors`', async ({ key }) => {
      const body = { success: false, code: 9, [key]: issues };
      const { client } = observedClient(replies(json(body, 400)));
      const error = await rejectionOf(client.sendSms({ phoneNumbers: '922264', message: '' }));
      expect(error).toBeInstanceOf(SmsPartnerApiError);
      expect(error).toMatchObject({ code: 9, errors: issues, body });
      expect((error as Error).message).toBe(
        'SMS Partner answered code 9 (children[message].data: The message is required; ' +
          'children[phoneNumbers].data: This phone number is not valid (922264)) to POST http://127.0.0.1:4010/v1/send',
      );
      if (isSmsPartnerApiError(error, 'sendSms')) expectTypeOf(error.code).toEqualTypeOf<SendSmsCode>();
    });
  });

  describe('scheduledAt', () => {
    test.each([
      [
        'winter (CET)',
        new Date('2026-01-15T08:00:00Z'),
        { scheduledDeliveryDate: '15/01/2026', time: 9, minute: 0 },
      ],
      [
        'summer (CEST)',
        new Date('2026-07-14T07:55:00Z'),
        { scheduledDeliveryDate: '14/07/2026', time: 9, minute: 55 },
      ],
      [
        '2026-03-29, before the spring jump',
        new Date('2026-03-29T00:55:00Z'),
        { scheduledDeliveryDate: '29/03/2026', time: 1, minute: 55 },
      ],
      [
        '2026-03-29, after the spring jump',
        new Date('2026-03-29T01:00:00Z'),
        { scheduledDeliveryDate: '29/03/2026', time: 3, minute: 0 },
      ],
      [
        '2026-10-25, first 02:30 (CEST)',
        new Date('2026-10-25T00:30:00Z'),
        { scheduledDeliveryDate: '25/10/2026', time: 2, minute: 30 },
      ],
      [
        '2026-10-25, after the fall-back hour',
        new Date('2026-10-25T02:00:00Z'),
        { scheduledDeliveryDate: '25/10/2026', time: 3, minute: 0 },
      ],
      [
        'an ISO string with Z',
        '2026-01-15T08:00:00Z',
        { scheduledDeliveryDate: '15/01/2026', time: 9, minute: 0 },
      ],
      [
        'an ISO string with an offset',
        '2026-07-14T09:55:00+02:00',
        { scheduledDeliveryDate: '14/07/2026', time: 9, minute: 55 },
      ],
      [
        'an ISO string with a negative offset',
        '2026-01-15T03:00-05:00',
        { scheduledDeliveryDate: '15/01/2026', time: 9, minute: 0 },
      ],
      [
        'an ISO string with milliseconds',
        '2026-07-14T07:55:00.000Z',
        { scheduledDeliveryDate: '14/07/2026', time: 9, minute: 55 },
      ],
      [
        'a UTC evening that is tomorrow in Paris',
        '2026-12-31T23:30:00Z',
        { scheduledDeliveryDate: '01/01/2027', time: 0, minute: 30 },
      ],
    ])('%s is sent as Paris wall-clock fields', async (_label, scheduledAt, fields) => {
      const { client, requests } = observedClient(replies(json(success)));
      await client.sendSms({ phoneNumbers: '+33600000000', message: 'x', scheduledAt });
      expect(requests[0]?.json).toEqual({
        apiKey: 'test-funded-key',
        phoneNumbers: '+33600000000',
        message: 'x',
        ...fields,
      });
      expect(scheduleFields(scheduledAt)).toEqual(fields);
    });

    test.each([
      ['a minute off the five-minute step', new Date('2026-01-15T08:03:00Z'), 'not-on-five-minute-step'],
      ['seconds', '2026-01-15T08:05:30Z', 'not-on-five-minute-step'],
      ['the second 02:30 of 2026-10-25 (CET)', new Date('2026-10-25T01:30:00Z'), 'ambiguous'],
      ['an invalid Date', new Date('not a date'), 'invalid-date'],
      ['a string that is not a date', 'tomorrow at nine', 'invalid-date'],
      ['an ISO string without an offset', '2026-01-15T09:00:00', 'invalid-date'],
      ['a date without a time', '2026-01-15', 'invalid-date'],
      ['an impossible calendar date', '2026-02-30T09:00:00Z', 'invalid-date'],
      ['hour 24', '2026-01-15T24:00:00Z', 'invalid-date'],
    ])('rejects %s before any request', async (_label, scheduledAt, kind) => {
      const { client, requests } = observedClient(replies(json(success)));
      const error = await rejectionOf(
        client.sendSms({ phoneNumbers: '+33600000000', message: 'x', scheduledAt }),
      );
      expect(error).toBeInstanceOf(SmsPartnerScheduleError);
      expect(error).toMatchObject({ name: 'SmsPartnerScheduleError', problem: { kind } });
      expect(requests).toEqual([]);
    });

    test('the error names the instant and the rule', () => {
      expect(() => scheduleFields(new Date('2026-10-25T01:30:00Z'))).toThrow(
        'Cannot schedule at 2026-10-25T01:30:00.000Z: this is the second occurrence of the autumn fall-back hour ' +
          'in Paris, which SMS Partner would read as the first',
      );
    });
  });
});

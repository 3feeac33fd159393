import { cancelSmsRoute, type Endpoints, sendSmsRoute } from '@smspartner-kit/schema';
import { describe, expectTypeOf, test } from 'vitest';
import {
  type CancelSmsCode,
  type CancelSmsResponse,
  createSmsPartnerClient,
  type EndpointCode,
  type EndpointInput,
  type EndpointName,
  type EndpointResult,
  isSmsPartnerApiError,
  type ResponseFormatPlugin,
  type SendSmsCode,
  type SendSmsInput,
  type SendSmsResponse,
  type SmsPartnerApiError,
  type SmsPartnerClient,
  type SmsPartnerTransport,
  sendSms,
  type WireParams,
} from '../../src/index.ts';
import { xmlFormat } from '../../src/xml.ts';

declare const client: SmsPartnerClient;
declare const transport: SmsPartnerTransport;
declare const caught: unknown;

describe('error codes', () => {
  test('EndpointCode is the schema catalogue union of each endpoint', () => {
    expectTypeOf<EndpointCode<'cancelSms'>>().toEqualTypeOf<CancelSmsCode>();
    expectTypeOf<EndpointCode<'sendSms'>>().toEqualTypeOf<SendSmsCode>();
    expectTypeOf<CancelSmsCode>().toEqualTypeOf<1 | 3 | 4 | 5 | 6 | 7 | 10 | 11>();
    expectTypeOf<EndpointCode<'cancelSms'>>().toEqualTypeOf<keyof Endpoints['cancelSms']['codes']>();
  });

  test("the guard with an endpoint narrows code to that endpoint's union", () => {
    if (isSmsPartnerApiError(caught, 'cancelSms')) {
      expectTypeOf(caught).toEqualTypeOf<SmsPartnerApiError<CancelSmsCode>>();
      expectTypeOf(caught.code).toEqualTypeOf<CancelSmsCode>();
      expectTypeOf(caught.endpoint).toEqualTypeOf<EndpointName>();
    }
    if (isSmsPartnerApiError(caught, 'sendSms')) {
      expectTypeOf(caught.code).toEqualTypeOf<SendSmsCode>();
    }
    if (isSmsPartnerApiError(caught)) {
      expectTypeOf(caught.code).toEqualTypeOf<number>();
    }
  });

  test('a code outside the union is a type error', () => {
    // @ts-expect-error 2 is a send code, not a cancel code
    const notACancelCode: CancelSmsCode = 2;
    expectTypeOf(notACancelCode).toEqualTypeOf<CancelSmsCode>();
  });

  test('the name of every error class is a literal', () => {
    expectTypeOf<SmsPartnerApiError['name']>().toEqualTypeOf<'SmsPartnerApiError'>();
  });
});

describe('results', () => {
  test('methods resolve with the registry response types', () => {
    expectTypeOf(client.cancelSms).returns.resolves.toEqualTypeOf<CancelSmsResponse>();
    expectTypeOf(client.sendSms).returns.resolves.toEqualTypeOf<SendSmsResponse>();
    expectTypeOf<EndpointResult<'cancelSms'>>().toEqualTypeOf<CancelSmsResponse>();
    expectTypeOf<SendSmsResponse['message_id']>().toEqualTypeOf<number | string>();
    expectTypeOf<CancelSmsResponse['success']>().toEqualTypeOf<true>();
  });

  test('the standalone calls match the client methods', () => {
    expectTypeOf(sendSms).parameters.toEqualTypeOf<[SmsPartnerTransport, SendSmsInput]>();
    expectTypeOf(transport.call(cancelSmsRoute, { messageId: 1 })).toEqualTypeOf<
      Promise<CancelSmsResponse>
    >();
    expectTypeOf(transport.call(sendSmsRoute, { phoneNumbers: '+33600000000', message: 'x' })).toEqualTypeOf<
      Promise<SendSmsResponse>
    >();
  });

  test("the transport takes the route's wire parameters, typed by the registry's request", () => {
    expectTypeOf<WireParams<'cancelSms'>>().toEqualTypeOf<{ readonly messageId: number | string }>();
    // @ts-expect-error messageId is required
    void transport.call(cancelSmsRoute, {});
    // @ts-expect-error the transport adds apiKey itself
    void transport.call(cancelSmsRoute, { messageId: 1, apiKey: 'k' });
    // @ts-expect-error wire parameters are the API's: phoneNumbers is one string
    void transport.call(sendSmsRoute, { phoneNumbers: ['+33600000000'], message: 'x' });
  });
});

describe('the client shape', () => {
  test('has one method per registry endpoint', () => {
    expectTypeOf<keyof SmsPartnerClient>().toEqualTypeOf<EndpointName>();
    expectTypeOf(createSmsPartnerClient).returns.toEqualTypeOf<SmsPartnerClient>();
  });

  test('inputs are checked', () => {
    // @ts-expect-error phoneNumbers is required
    void client.sendSms({ message: 'x' });
    // @ts-expect-error scheduledAt is a Date or an ISO string, not epoch milliseconds
    void client.sendSms({ phoneNumbers: '+33600000000', message: 'x', scheduledAt: 1_700_000_000_000 });
    // @ts-expect-error gamme is 1 or 2
    void client.sendSms({ phoneNumbers: '+33600000000', message: 'x', gamme: 3 });
    // @ts-expect-error flags are booleans; the client writes the 1
    void client.sendSms({ phoneNumbers: '+33600000000', message: 'x', sandbox: 1 });
    // @ts-expect-error messageId is required
    void client.cancelSms({});
    // @ts-expect-error getCredits takes no field
    void client.getCredits({ messageId: 1 });
    expectTypeOf(client.sendSms).parameter(0).toEqualTypeOf<SendSmsInput>();
  });

  test('an endpoint without a conversion takes its wire parameters; one with a conversion, its input', () => {
    expectTypeOf<EndpointInput<'cancelSms'>>().toEqualTypeOf<WireParams<'cancelSms'>>();
    expectTypeOf(client.cancelSms).parameter(0).toEqualTypeOf<{ readonly messageId: number | string }>();
    expectTypeOf<EndpointInput<'sendSms'>>().toEqualTypeOf<SendSmsInput>();
    expectTypeOf(client.getCredits).parameters.toEqualTypeOf<[input?: EndpointInput<'getCredits'>]>();
  });

  test('options are checked', () => {
    // @ts-expect-error format is 'json' or a format plug-in
    void createSmsPartnerClient({ format: 'yaml' });
    // @ts-expect-error XML is the xmlFormat plug-in from '@smspartner-kit/client/xml', not a string
    void createSmsPartnerClient({ format: 'xml' });
    expectTypeOf(createSmsPartnerClient({ format: xmlFormat })).toEqualTypeOf<SmsPartnerClient>();
    expectTypeOf(xmlFormat).toExtend<ResponseFormatPlugin>();
    // @ts-expect-error the old ky 1 option name does not exist
    void createSmsPartnerClient({ prefixUrl: 'http://127.0.0.1:4010' });
  });
});

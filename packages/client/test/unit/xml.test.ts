import { readFileSync } from 'node:fs';
import { routes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import {
  createSmsPartnerClient,
  SmsPartnerApiError,
  SmsPartnerConfigError,
  SmsPartnerResponseError,
} from '../../src/index.ts';
import { xmlFormat } from '../../src/xml.ts';
import { json, observedClient, observedTransport, rejectionOf, replies, text, xml } from './helpers.ts';

const PROLOG = "<?xml version='1.0' encoding='UTF-8'?>";

// Bodies in the documented XML shape (reference send.md §1 and §5, the seed page).
const cancelSuccessXml = `${PROLOG}
<result>
  <entry>true</entry>
  <entry>200</entry>
  <entry><![CDATA[The SMS sending has been canceled.]]></entry>
</result>`;
const cancelSuccessJson = { success: true, code: 200, message: 'The SMS sending has been canceled.' };

const cancelErrorXml = `${PROLOG}
<result>
  <entry>false</entry>
  <entry>10</entry>
  <entry>Invalid API key</entry>
</result>`;
const cancelErrorJson = { success: false, code: 10, message: 'Invalid API key' };

const sendSuccessXml = `${PROLOG}
<result>
  <entry>true</entry>
  <entry>200</entry>
  <entry>306</entry>
  <entry>1</entry>
  <entry>0.038</entry>
  <entry>
        <![CDATA[EUR]]>
  </entry>
</result>`;
const sendSuccessJson = {
  success: true,
  code: 200,
  message_id: 306,
  nb_sms: 1,
  cost: 0.038,
  currency: 'EUR',
};

const sendValidationXml = `${PROLOG}
 <result>
          <entry>false</entry>
          <entry>9</entry>
          <entry>
                <entry>
                  <entry>children[message].data</entry>
                  <entry>The message is required</entry>
                </entry>
                <entry>
                   <entry>children[phoneNumbers].data</entry>
                   <entry>This phone number is not valid (922264)</entry>
                </entry>
          </entry>
</result>`;
const sendValidationJson = {
  success: false,
  code: 9,
  error: [
    { elementId: 'children[message].data', message: 'The message is required' },
    { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (922264)' },
  ],
};

const cancel = { endpoint: 'cancelSms', input: { messageId: 300 } } as const;
const send = { endpoint: 'sendSms', input: { phoneNumbers: '922264', message: 'x' } } as const;

/** Runs one call against a client answering `body`, and returns what it settled with. */
async function outcome(call: typeof cancel | typeof send, reply: Response, format: 'json' | 'xml') {
  const { client } = observedClient(replies(reply), { format: format === 'xml' ? xmlFormat : 'json' });
  const promise = call.endpoint === 'cancelSms' ? client.cancelSms(call.input) : client.sendSms(call.input);
  try {
    return { resolved: await promise };
  } catch (error) {
    if (!(error instanceof SmsPartnerApiError)) throw error;
    return {
      rejected: { name: error.name, code: error.code, errors: error.errors, message: error.body.message },
    };
  }
}

describe('format: xmlFormat', () => {
  test('asks for _format=xml in the query string of a GET', async () => {
    const { client, requests } = observedClient(replies(xml(cancelSuccessXml)), { format: xmlFormat });
    await client.cancelSms({ messageId: 300 });
    expect(requests[0]).toMatchObject({
      url: 'http://127.0.0.1:4010/v1/message-cancel?apiKey=test-funded-key&messageId=300&_format=xml',
      headers: { accept: 'application/xml' },
    });
  });

  test('asks for _format: xml in the JSON body of a POST', async () => {
    const { client, requests } = observedClient(replies(xml(sendSuccessXml)), { format: xmlFormat });
    await client.sendSms({ phoneNumbers: '+33600000000', message: 'x' });
    expect(requests[0]?.json).toEqual({
      apiKey: 'test-funded-key',
      phoneNumbers: '+33600000000',
      message: 'x',
      _format: 'xml',
    });
  });

  test.each([
    ['cancel success', cancel, cancelSuccessXml, cancelSuccessJson, 200],
    ['cancel error 10 (bare message)', cancel, cancelErrorXml, cancelErrorJson, 200],
    ['cancel error 10 under HTTP 401', cancel, cancelErrorXml, cancelErrorJson, 401],
    ['send success (CDATA currency)', send, sendSuccessXml, sendSuccessJson, 200],
    ['send code 9 (nested validation list)', send, sendValidationXml, sendValidationJson, 400],
  ])('%s decodes to the same result as JSON', async (_label, call, xmlBody, jsonBody, status) => {
    const fromXml = await outcome(call, xml(xmlBody, status), 'xml');
    const fromJson = await outcome(call, json(jsonBody, status), 'json');
    expect(fromXml).toEqual(fromJson);
  });

  test('pins the decoded XML results', async () => {
    await expect(outcome(cancel, xml(cancelSuccessXml), 'xml')).resolves.toEqual({
      resolved: cancelSuccessJson,
    });
    await expect(outcome(send, xml(sendSuccessXml), 'xml')).resolves.toEqual({ resolved: sendSuccessJson });
    await expect(outcome(send, xml(sendValidationXml, 400), 'xml')).resolves.toEqual({
      rejected: { name: 'SmsPartnerApiError', code: 9, errors: sendValidationJson.error, message: undefined },
    });
  });

  test('an XML error body keeps the rebuilt envelope as `body`', async () => {
    const { client } = observedClient(replies(xml(cancelErrorXml)), { format: xmlFormat });
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toMatchObject({ code: 10, body: cancelErrorJson });
  });

  test('a body that is neither JSON nor SMS Partner XML is a SmsPartnerResponseError', async () => {
    const { client } = observedClient(replies(xml('<html><body>Proxy error</body></html>', 502)), {
      format: xmlFormat,
      retry: 0,
    });
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toBeInstanceOf(SmsPartnerResponseError);
    expect(error).toMatchObject({ problem: 'unparseable', rawText: '<html><body>Proxy error</body></html>' });
  });

  test('a JSON answer to an XML client is still understood', async () => {
    const { client } = observedClient(replies(json(cancelSuccessJson)), { format: xmlFormat });
    await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelSuccessJson);
  });
});

describe('XML is opt-in', () => {
  const HOW_TO = "import { xmlFormat } from '@smspartner-kit/client/xml' and pass `format: xmlFormat`";

  test("format: 'xml' is refused at creation, saying how to enable XML", () => {
    const create = () =>
      createSmsPartnerClient({ detectBrowser: () => false, format: 'xml' as unknown as 'json' });
    expect(create).toThrow(SmsPartnerConfigError);
    expect(create).toThrow(
      expect.objectContaining({
        option: 'format',
        message: `XML decoding is a plug-in: ${HOW_TO} instead of \`format: 'xml'\``,
      }),
    );
  });

  test('an object that is not a format plug-in is refused', () => {
    expect(() =>
      createSmsPartnerClient({ detectBrowser: () => false, format: { name: 'xml' } as unknown as 'json' }),
    ).toThrow(
      expect.objectContaining({
        name: 'SmsPartnerConfigError',
        option: 'format',
        message: `\`format\` must be 'json' or \`xmlFormat\` (${HOW_TO})`,
      }),
    );
  });

  test('the transport names the wire format it asks for', () => {
    expect(observedTransport(replies(json({})), { format: xmlFormat }).transport.format).toBe('xml');
    expect(observedTransport(replies(json({}))).transport.format).toBe('json');
  });

  test('an SMS Partner XML body without the plug-in is a SmsPartnerResponseError saying how to enable XML', async () => {
    const { client } = observedClient(replies(xml(cancelSuccessXml)));
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toBeInstanceOf(SmsPartnerResponseError);
    expect(error).toMatchObject({
      problem: 'unparseable',
      rawText: cancelSuccessXml,
      body: undefined,
      message:
        `Unexpected answer (HTTP 200, an SMS Partner XML body, but XML decoding is not enabled: ${HOW_TO}) ` +
        'to GET http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300',
    });
  });

  test('the same for a bare <result> without a prolog', async () => {
    const { client } = observedClient(replies(xml('<result><entry>false</entry><entry>10</entry></result>')));
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toMatchObject({
      problem: 'unparseable',
      message: expect.stringContaining(`XML decoding is not enabled: ${HOW_TO}`),
    });
  });

  test('an HTML page without the plug-in is still "neither JSON nor SMS Partner XML"', async () => {
    const { client } = observedClient(
      replies(text('<html><body>Bad gateway</body></html>', 200, 'text/html')),
    );
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toMatchObject({
      problem: 'unparseable',
      message:
        'Unexpected answer (HTTP 200, body is neither JSON nor SMS Partner XML) ' +
        'to GET http://127.0.0.1:4010/v1/message-cancel?apiKey=REDACTED&messageId=300',
    });
  });

  test.each(Object.values(routes).map((route) => [route.name, route.xml === true, route] as const))(
    '%s: _format=xml is sent (%s) exactly where its page documents _format',
    async (_name, xml, route) => {
      // Any answer will do: only the request is looked at.
      const { transport, requests } = observedTransport(replies(json({ success: true, code: 200 })), {
        format: xmlFormat,
      });
      await transport.call(route as never, {} as never).catch(() => undefined);
      const sent = (route.method === 'GET' ? requests[0]?.query : requests[0]?.json) as Record<
        string,
        unknown
      >;
      expect(sent?._format).toBe(xml ? 'xml' : undefined);
      expect(requests[0]?.headers.accept).toBe(xml ? 'application/xml' : 'application/json');
    },
  );

  test('a JSON client neither asks for XML nor sends _format', async () => {
    const { client, requests } = observedClient(replies(json(cancelSuccessJson)));
    await client.cancelSms({ messageId: 300 });
    expect(requests[0]).toMatchObject({
      url: 'http://127.0.0.1:4010/v1/message-cancel?apiKey=test-funded-key&messageId=300',
      headers: { accept: 'application/json' },
    });
  });
});

describe('subpath exports', () => {
  test('./xml, ./webhooks and ./estimate are entries of their own, with the same conditions as the main one', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(manifest.exports).toEqual({
      '.': {
        '@smspartner-kit/source': './src/index.ts',
        types: './dist/index.d.ts',
        default: './dist/index.js',
      },
      './xml': {
        '@smspartner-kit/source': './src/xml.ts',
        types: './dist/xml.d.ts',
        default: './dist/xml.js',
      },
      './webhooks': {
        '@smspartner-kit/source': './src/webhooks.ts',
        types: './dist/webhooks.d.ts',
        default: './dist/webhooks.js',
      },
      './estimate': {
        '@smspartner-kit/source': './src/estimate.ts',
        types: './dist/estimate.d.ts',
        default: './dist/estimate.js',
      },
      './package.json': './package.json',
    });
  });
});

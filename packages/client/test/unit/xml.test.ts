import { describe, expect, test } from 'vitest';
import { SmsPartnerApiError, SmsPartnerResponseError } from '../../src/index.ts';
import { json, observedClient, rejectionOf, replies, xml } from './helpers.ts';

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
  const { client } = observedClient(replies(reply), { format });
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

describe('format: xml', () => {
  test('asks for _format=xml in the query string of a GET', async () => {
    const { client, requests } = observedClient(replies(xml(cancelSuccessXml)), { format: 'xml' });
    await client.cancelSms({ messageId: 300 });
    expect(requests[0]).toMatchObject({
      url: 'http://127.0.0.1:4010/v1/message-cancel?apiKey=test-funded-key&messageId=300&_format=xml',
      headers: { accept: 'application/xml' },
    });
  });

  test('asks for _format: xml in the JSON body of a POST', async () => {
    const { client, requests } = observedClient(replies(xml(sendSuccessXml)), { format: 'xml' });
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
    const { client } = observedClient(replies(xml(cancelErrorXml)), { format: 'xml' });
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toMatchObject({ code: 10, body: cancelErrorJson });
  });

  test('a body that is neither JSON nor SMS Partner XML is a SmsPartnerResponseError', async () => {
    const { client } = observedClient(replies(xml('<html><body>Proxy error</body></html>', 502)), {
      format: 'xml',
      retry: 0,
    });
    const error = await rejectionOf(client.cancelSms({ messageId: 300 }));
    expect(error).toBeInstanceOf(SmsPartnerResponseError);
    expect(error).toMatchObject({ problem: 'unparseable', rawText: '<html><body>Proxy error</body></html>' });
  });

  test('a JSON answer to an XML client is still understood', async () => {
    const { client } = observedClient(replies(json(cancelSuccessJson)), { format: 'xml' });
    await expect(client.cancelSms({ messageId: 300 })).resolves.toEqual(cancelSuccessJson);
  });
});

import { XmlBuilder } from '@pact-foundation/pact';
import { cancelSmsCodes } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient, type SmsPartnerClientOptions } from '../../src/index.ts';
import { xmlFormat } from '../../src/xml.ts';
import { createPact, failureBody, fromProviderState, JSON_TYPE, PACT_KEY, string, XML_TYPE } from './pact.ts';

/**
 * The consumer side of GET /v1/message-cancel: the real client against Pact's
 * mock server. Every cancel code is one interaction; the provider states say
 * which message exists, and for a scheduled one how far its send time is from
 * the provider's clock (`minutesUntilSend`). Ids of seeded messages come back
 * from the provider state (`fromProviderState`), so the provider chooses them.
 */
const pact = createPact();
const SUCCESS = { success: true, code: 200, message: string('The SMS sending has been canceled.') };
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression, not a JS template
const seededId = fromProviderState('${messageId}', '1000');

function client(
  url: string,
  options: Pick<SmsPartnerClientOptions, 'apiKey' | 'format'> = { apiKey: PACT_KEY },
) {
  return createSmsPartnerClient({ baseUrl: url, retry: 0, ...options });
}

describe('cancelSms contract', () => {
  test('cancels a message scheduled an hour ahead', async () => {
    await pact
      .addInteraction()
      .given('a scheduled message', { apiKey: PACT_KEY, minutesUntilSend: 60 })
      .uponReceiving('a cancel for a message due in 60 minutes')
      .withRequest('GET', '/v1/message-cancel', (request) =>
        request.query({ apiKey: PACT_KEY, messageId: seededId }),
      )
      .willRespondWith(200, (response) => response.headers(JSON_TYPE).jsonBody(SUCCESS))
      .executeTest(async (server) => {
        await expect(client(server.url).cancelSms({ messageId: 1000 })).resolves.toEqual({
          success: true,
          code: 200,
          message: 'The SMS sending has been canceled.',
        });
      });
  });

  test('cancels, answering in XML', async () => {
    // The documented shape: <result> with one anonymous <entry> per JSON value, in key order.
    // Texts are exact: a matcher here would apply to every <entry> at once (they share one path).
    const xml = new XmlBuilder('1.0', 'UTF-8', 'result').build((result) => {
      result.appendElement('entry', new Map(), 'true');
      result.appendElement('entry', new Map(), '200');
      result.appendElement('entry', new Map(), 'The SMS sending has been canceled.');
    });
    await pact
      .addInteraction()
      .given('a scheduled message', { apiKey: PACT_KEY, minutesUntilSend: 60 })
      .uponReceiving('a cancel asking for XML')
      .withRequest('GET', '/v1/message-cancel', (request) =>
        request.query({ apiKey: PACT_KEY, messageId: seededId, _format: 'xml' }),
      )
      .willRespondWith(200, (response) => response.headers(XML_TYPE).xmlBody(xml))
      .executeTest(async (server) => {
        await expect(
          client(server.url, { apiKey: PACT_KEY, format: xmlFormat }).cancelSms({ messageId: 1000 }),
        ).resolves.toEqual({
          success: true,
          code: 200,
          message: 'The SMS sending has been canceled.',
        });
      });
  });

  const failures: [
    code: keyof typeof cancelSmsCodes,
    description: string,
    given: [string, Record<string, string | number>] | undefined,
    apiKey: string | undefined,
    messageId: string | number | ReturnType<typeof fromProviderState>,
  ][] = [
    [1, 'a cancel without an apiKey', undefined, undefined, 1000],
    [3, 'a cancel without a messageId', ['an account with credits', { apiKey: PACT_KEY }], PACT_KEY, ''],
    [
      4,
      'a cancel for an unknown message',
      ['an account with credits', { apiKey: PACT_KEY }],
      PACT_KEY,
      999_999,
    ],
    [
      5,
      'a cancel for a message cancelled before',
      ['a cancelled message', { apiKey: PACT_KEY }],
      PACT_KEY,
      seededId,
    ],
    [
      6,
      'a cancel for a message due in 4 minutes',
      ['a scheduled message', { apiKey: PACT_KEY, minutesUntilSend: 4 }],
      PACT_KEY,
      seededId,
    ],
    [
      6,
      'a cancel for a message due in exactly 5 minutes',
      ['a scheduled message', { apiKey: PACT_KEY, minutesUntilSend: 5 }],
      PACT_KEY,
      seededId,
    ],
    [7, 'a cancel for a message already sent', ['a sent message', { apiKey: PACT_KEY }], PACT_KEY, seededId],
    [10, 'a cancel with an unknown apiKey', undefined, 'not-a-configured-key', 1000],
    [
      11,
      'a cancel from an account without credits',
      ['an account without credits', { apiKey: 'pact-empty-key' }],
      'pact-empty-key',
      1000,
    ],
  ];

  test.each(failures)('code %i: %s', async (code, description, given, apiKey, messageId) => {
    const query: Record<string, unknown> = { messageId };
    if (apiKey !== undefined) query.apiKey = apiKey;
    let interaction = pact.addInteraction();
    if (given) interaction = interaction.given(given[0], given[1]);
    await interaction
      .uponReceiving(description)
      .withRequest('GET', '/v1/message-cancel', (request) => request.query(query as Record<string, string>))
      .willRespondWith(200, (response) =>
        response.headers(JSON_TYPE).jsonBody(failureBody(code, cancelSmsCodes[code].message)),
      )
      .executeTest(async (server) => {
        const id = typeof messageId === 'object' ? 1000 : messageId;
        await expect(client(server.url, { apiKey }).cancelSms({ messageId: id })).rejects.toMatchObject({
          name: 'SmsPartnerApiError',
          code,
          message: expect.not.stringContaining(PACT_KEY),
        });
      });
  });
});

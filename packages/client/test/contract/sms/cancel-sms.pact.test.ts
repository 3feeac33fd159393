import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient, type SmsPartnerClientOptions } from '../../../src/index.ts';
import { xmlFormat } from '../../../src/xml.ts';
import { type CodeOf, endpointContract, type InteractionSpec } from '../endpoint-contract.ts';
import { createPact, fromProviderState, PACT_KEY } from '../pact.ts';

/**
 * The consumer side of the cancel endpoint: the real client against Pact's
 * mock server. Every cancel code is one interaction; the provider states say
 * which message exists, and for a scheduled one how far its send time is from
 * the provider's clock (`minutesUntilSend`). Ids of seeded messages come back
 * from the provider state (`fromProviderState`), so the provider chooses them.
 */
const pact = createPact();
const cancel = endpointContract('cancelSms');
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression, not a JS template
const seededId = fromProviderState('${messageId}', '1000');

function client(
  url: string,
  options: Pick<SmsPartnerClientOptions, 'apiKey' | 'format'> = { apiKey: PACT_KEY },
) {
  return createSmsPartnerClient({ baseUrl: url, retry: 0, ...options });
}

describe('cancel contract', () => {
  test('cancels a message scheduled an hour ahead: the registry example', async () => {
    await cancel
      .interaction(pact, {
        description: 'a cancel for a message due in 60 minutes',
        given: ['a scheduled message', { minutesUntilSend: 60 }],
        params: { ...cancel.exampleParams, messageId: seededId },
      })
      .willRespondWith(200, cancel.answer())
      .executeTest(async (server) => {
        await expect(client(server.url).cancelSms({ messageId: 1000 })).resolves.toEqual(
          cancel.exampleResult,
        );
      });
  });

  test('cancels, answering in XML', async () => {
    await cancel
      .interaction(pact, {
        description: 'a cancel asking for XML',
        given: ['a scheduled message', { minutesUntilSend: 60 }],
        params: { messageId: seededId, _format: 'xml' },
      })
      .willRespondWith(200, cancel.xmlAnswer(cancel.exampleResult))
      .executeTest(async (server) => {
        await expect(
          client(server.url, { apiKey: PACT_KEY, format: xmlFormat }).cancelSms({ messageId: 1000 }),
        ).resolves.toEqual(cancel.exampleResult);
      });
  });

  type Failure = InteractionSpec<'cancelSms'> & { code: CodeOf<'cancelSms'>; params: { messageId: unknown } };
  const failures: Failure[] = [
    { code: 1, description: 'a cancel without an apiKey', apiKey: undefined, params: { messageId: 1000 } },
    {
      code: 3,
      description: 'a cancel without a messageId',
      given: ['an account with credits'],
      params: { messageId: '' },
    },
    {
      code: 4,
      description: 'a cancel for an unknown message',
      given: ['an account with credits'],
      params: { messageId: 999_999 },
    },
    {
      code: 5,
      description: 'a cancel for a message cancelled before',
      given: ['a cancelled message'],
      params: { messageId: seededId },
    },
    {
      code: 6,
      description: 'a cancel for a message due in 4 minutes',
      given: ['a scheduled message', { minutesUntilSend: 4 }],
      params: { messageId: seededId },
    },
    {
      code: 6,
      description: 'a cancel for a message due in exactly 5 minutes',
      given: ['a scheduled message', { minutesUntilSend: 5 }],
      params: { messageId: seededId },
    },
    {
      code: 7,
      description: 'a cancel for a message already sent',
      given: ['a sent message'],
      params: { messageId: seededId },
    },
    {
      code: 10,
      description: 'a cancel with an unknown apiKey',
      apiKey: 'not-a-configured-key',
      params: { messageId: 1000 },
    },
    {
      code: 11,
      description: 'a cancel from an account without credits',
      given: ['an account without credits', { apiKey: 'pact-empty-key' }],
      apiKey: 'pact-empty-key',
      params: { messageId: 1000 },
    },
  ];

  test.each(failures)('code $code: $description', async ({ code, ...spec }) => {
    const { messageId } = spec.params;
    // A seeded id travels as the provider chose it; the client is given the example value.
    const id = typeof messageId === 'object' ? 1000 : (messageId as number | string);
    const apiKey = 'apiKey' in spec ? spec.apiKey : PACT_KEY;
    await cancel.rejects(pact, spec, code, (url) => client(url, { apiKey }).cancelSms({ messageId: id }));
  });
});

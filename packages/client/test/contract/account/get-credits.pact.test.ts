import { XmlBuilder } from '@pact-foundation/pact';
import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { xmlFormat } from '../../../src/xml.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact, PACT_KEY, regex, string, XML_TYPE } from '../pact.ts';

/** The consumer side of the credits endpoint: SMS credits per range, HLR credits, the money balance. */
const pact = createPact();
const credits = endpointContract('getCredits');
const USERNAME = 'pact@example.test';
const named = ['an account with settings', { username: USERNAME }] as const;
/** A money amount: a decimal string with three decimals. */
const money = (example: unknown) => regex('^\\d+\\.\\d{3}$', String(example));

describe('credits contract', () => {
  test('the registry example, with the user the state creates', async () => {
    const answer = credits.exampleAnswer as { credits: Record<string, { value?: unknown }> };
    const example = credits.exampleResult;
    await credits
      .interaction(pact, { description: 'a credits request', given: named })
      .willRespondWith(
        200,
        credits.answer({
          ...answer,
          // The provider's accounts have a username only (the example's first and last names are optional).
          user: { username: string(USERNAME) },
          // Exact where the client relies on the value's form.
          credits: {
            ...answer.credits,
            solde: money(example.credits.solde),
            currency: example.credits.currency,
            balance: money(example.credits.balance),
          },
        }),
      )
      .executeTest(async (server) => {
        const me = await createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY }).getCredits();
        expect(me).toEqual({ ...example, user: { username: USERNAME } });
      });
  });

  test('answering in XML (the user block keeps its element names)', async () => {
    // XML texts are exact (one path for every <entry>): the provider's figures for a fresh account.
    const xml = new XmlBuilder('1.0', 'UTF-8', 'result').build((result) => {
      result.appendElement('entry', new Map(), 'true');
      result.appendElement('entry', new Map(), '200');
      result.appendElement('entry', new Map(), (user) => user.appendElement('username', new Map(), USERNAME));
      result.appendElement('entry', new Map(), (block) => {
        for (const value of ['100', '165', '0', '0', '3.800', 'EUR', '3.800'])
          block.appendElement('entry', new Map(), value);
      });
    });
    await credits
      .interaction(pact, {
        description: 'a credits request asking for XML',
        given: named,
        params: { _format: 'xml' },
      })
      .willRespondWith(200, (response) => response.headers(XML_TYPE).xmlBody(xml))
      .executeTest(async (server) => {
        const me = await createSmsPartnerClient({
          baseUrl: server.url,
          apiKey: PACT_KEY,
          format: xmlFormat,
        }).getCredits();
        expect(me).toEqual({
          success: true,
          code: 200,
          user: { username: USERNAME },
          credits: {
            creditSms: 100,
            creditSmsECO: 165,
            creditHlr: 0,
            toSend: 0,
            solde: '3.800',
            currency: 'EUR',
            balance: '3.800',
          },
        });
      });
  });

  test('code 30: a blocked account', async () => {
    await credits
      .interaction(pact, {
        description: 'a credits request from a blocked account',
        given: ['an account with settings', { status: 'blocked' }],
      })
      .willRespondWith(200, credits.failure(30))
      .executeTest(async (server) => {
        await expect(
          createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY, retry: 0 }).getCredits(),
        ).rejects.toMatchObject({ name: 'SmsPartnerApiError', code: 30 });
      });
  });
});

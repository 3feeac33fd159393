import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { xmlFormat } from '../../../src/xml.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact, PACT_KEY, regex, string } from '../pact.ts';

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
    // The provider's figures for a fresh account of 100 credits.
    const answered = {
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
    };
    await credits
      .interaction(pact, {
        description: 'a credits request asking for XML',
        given: named,
        params: { _format: 'xml' },
      })
      .willRespondWith(200, credits.xmlAnswer(answered))
      .executeTest(async (server) => {
        const sms = createSmsPartnerClient({ baseUrl: server.url, apiKey: PACT_KEY, format: xmlFormat });
        await expect(sms.getCredits()).resolves.toEqual(answered);
      });
  });

  test('code 30: a blocked account', async () => {
    await credits.rejects(
      pact,
      {
        description: 'a credits request from a blocked account',
        given: ['an account with settings', { status: 'blocked' }],
      },
      30,
      (url) => createSmsPartnerClient({ baseUrl: url, apiKey: PACT_KEY, retry: 0 }).getCredits(),
    );
  });
});

import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact, PACT_KEY } from '../pact.ts';

/** The consumer side of the survey send: a survey built in the web app, by its identifier. */
const pact = createPact();
const survey = endpointContract('sendSurvey');
const client = (url: string) => createSmsPartnerClient({ baseUrl: url, apiKey: PACT_KEY, retry: 0 });

describe('survey send contract', () => {
  test('the registry example', async () => {
    const { phoneNumbers, sondageIdent } = survey.exampleParams;
    await survey
      .interaction(pact, {
        description: 'a survey send',
        // The account has the example's survey.
        given: ['an account with settings', { surveys: { [sondageIdent]: 'Rate us from 1 to 5' } }],
      })
      .willRespondWith(200, survey.answer())
      .executeTest(async (server) => {
        await expect(client(server.url).sendSurvey({ phoneNumbers, sondageIdent })).resolves.toEqual(
          survey.exampleResult,
        );
      });
  });

  test('code 4: a survey that does not exist', async () => {
    const input = { phoneNumbers: '0600000000', sondageIdent: 'NOPE' };
    await survey.rejects(
      pact,
      { description: 'a survey that does not exist', given: ['an account with settings'], params: input },
      4,
      (url) => client(url).sendSurvey(input),
    );
  });
});

import { describe, expect, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact, PACT_KEY } from '../pact.ts';

/** The consumer side of the send from a rented long number (`from`, international without "+"). */
const pact = createPact();
const vn = endpointContract('sendVnSms');
const client = (url: string) => createSmsPartnerClient({ baseUrl: url, apiKey: PACT_KEY, retry: 0 });
/** The account rents the example's number. */
const renting = ['an account with settings', { virtualNumbers: [vn.exampleParams.from] }] as const;

describe('long-number send contract', () => {
  test('the registry example', async () => {
    const { to, from, message } = vn.exampleParams;
    await vn
      .interaction(pact, { description: 'a send by long number', given: renting })
      .willRespondWith(200, vn.answer())
      .executeTest(async (server) => {
        await expect(client(server.url).sendVnSms({ to, from, message })).resolves.toEqual(vn.exampleResult);
      });
  });

  test('code 992: a number the account does not rent', async () => {
    const input = { to: '0600000000', from: '33799999999', message: 'Hello' };
    const spec = {
      description: 'a long-number send from a number the account does not rent',
      given: renting,
      params: input,
    };
    await vn.rejects(pact, spec, 992, (url) => client(url).sendVnSms(input));
  });
});

import { describe, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact } from '../pact.ts';

/**
 * The consumer side of DELETE /v1/subaccount/remove: its method, path and example
 * parameters come from the registry entry `removeSubaccount`. The key is checked
 * before anything else, so an unknown key answers code 10 whatever the state.
 */
const pact = createPact();
const contract = endpointContract('removeSubaccount');
const UNKNOWN_KEY = 'pact-unknown-key';

describe('removeSubaccount contract', () => {
  test('code 10: an unknown key, whatever the parameters', async () => {
    await contract.rejects(
      pact,
      {
        description: 'removeSubaccount: DELETE /v1/subaccount/remove with an unknown key',
        apiKey: UNKNOWN_KEY,
      },
      10,
      (url) =>
        createSmsPartnerClient({ baseUrl: url, apiKey: UNKNOWN_KEY, retry: 0 }).removeSubaccount(
          contract.exampleParams as never,
        ),
    );
  });
});

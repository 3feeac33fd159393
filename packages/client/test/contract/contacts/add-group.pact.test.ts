import { describe, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact } from '../pact.ts';

/**
 * The consumer side of POST /v1/group/add: its method, path and example
 * parameters come from the registry entry `addGroup`. The key is checked
 * before anything else, so an unknown key answers code 10 whatever the state.
 */
const pact = createPact();
const contract = endpointContract('addGroup');
const UNKNOWN_KEY = 'pact-unknown-key';

describe('addGroup contract', () => {
  test('code 10: an unknown key, whatever the parameters', async () => {
    await contract.rejects(
      pact,
      { description: 'addGroup: POST /v1/group/add with an unknown key', apiKey: UNKNOWN_KEY },
      10,
      (url) =>
        createSmsPartnerClient({ baseUrl: url, apiKey: UNKNOWN_KEY, retry: 0 }).addGroup(
          contract.exampleParams as never,
        ),
    );
  });
});

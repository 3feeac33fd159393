import { describe, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact } from '../pact.ts';

/**
 * The consumer side of GET /v1/group/list: its method, path and example
 * parameters come from the registry entry `listGroups`. The key is checked
 * before anything else, so an unknown key answers code 10 whatever the state.
 */
const pact = createPact();
const contract = endpointContract('listGroups');
const UNKNOWN_KEY = 'pact-unknown-key';

describe('listGroups contract', () => {
  test('code 10: an unknown key, whatever the parameters', async () => {
    await contract.rejects(
      pact,
      { description: 'listGroups: GET /v1/group/list with an unknown key', apiKey: UNKNOWN_KEY },
      10,
      (url) =>
        createSmsPartnerClient({ baseUrl: url, apiKey: UNKNOWN_KEY, retry: 0 }).listGroups(
          contract.exampleParams as never,
        ),
    );
  });
});

import { describe, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact } from '../pact.ts';

/**
 * The consumer side of GET /v1/subaccount/list: its method, path and example
 * parameters come from the registry entry `listSubaccounts`. The key is checked
 * before anything else, so an unknown key answers code 10 whatever the state.
 */
const pact = createPact();
const contract = endpointContract('listSubaccounts');
const UNKNOWN_KEY = 'pact-unknown-key';

describe('listSubaccounts contract', () => {
  test('code 10: an unknown key, whatever the parameters', async () => {
    await contract.rejects(
      pact,
      { description: 'listSubaccounts: GET /v1/subaccount/list with an unknown key', apiKey: UNKNOWN_KEY },
      10,
      (url) =>
        createSmsPartnerClient({ baseUrl: url, apiKey: UNKNOWN_KEY, retry: 0 }).listSubaccounts(
          contract.exampleParams as never,
        ),
    );
  });
});

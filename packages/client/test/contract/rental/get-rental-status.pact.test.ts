import { describe, test } from 'vitest';
import { createSmsPartnerClient } from '../../../src/index.ts';
import { endpointContract } from '../endpoint-contract.ts';
import { createPact } from '../pact.ts';

/**
 * The consumer side of GET /v1/location/status: its method, path and example
 * parameters come from the registry entry `getRentalStatus`. The key is checked
 * before anything else, so an unknown key answers code 10 whatever the state.
 */
const pact = createPact();
const contract = endpointContract('getRentalStatus');
const UNKNOWN_KEY = 'pact-unknown-key';

describe('getRentalStatus contract', () => {
  test('code 10: an unknown key, whatever the parameters', async () => {
    await contract.rejects(
      pact,
      { description: 'getRentalStatus: GET /v1/location/status with an unknown key', apiKey: UNKNOWN_KEY },
      10,
      (url) =>
        createSmsPartnerClient({ baseUrl: url, apiKey: UNKNOWN_KEY, retry: 0 }).getRentalStatus(
          contract.exampleParams as never,
        ),
    );
  });
});

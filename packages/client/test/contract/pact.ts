import { fileURLToPath } from 'node:url';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';

/** Where the consumer tests write, and the provider verification reads. */
export const CONTRACTS_DIR = fileURLToPath(new URL('../../../../contracts/', import.meta.url));

/** One consumer, one provider: one pact file, `contracts/smspartner-kit-client-smspartner-api.json`. */
export function createPact(): PactV4 {
  return new PactV4({
    consumer: 'smspartner-kit-client',
    provider: 'smspartner-api',
    dir: CONTRACTS_DIR,
    logLevel: 'warn',
  });
}

/** The account the provider states create. A test key, not a secret. */
export const PACT_KEY = 'pact-test-key';

export const { boolean, like, integer, decimal, string, regex, eachLike, fromProviderState } = MatchersV3;

export const JSON_TYPE = {
  'Content-Type': regex('application/json(;.*)?', 'application/json; charset=UTF-8'),
};
export const XML_TYPE = { 'Content-Type': regex('application/xml(;.*)?', 'application/xml; charset=UTF-8') };

/** A failure answer: the code is the contract (exact); the message is localised, so only its type is. */
export function failureBody(code: number, message: string) {
  return { success: false, code, message: string(message) };
}

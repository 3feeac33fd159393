import { endpoints } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import {
  createSmsPartnerClient,
  createTransport,
  isBrowserLike,
  isSmsPartnerConfigError,
  type SmsPartnerClientOptions,
  SmsPartnerConfigError,
} from '../../src/index.ts';
import { json, observedClient, replies } from './helpers.ts';

class FakeWorkerGlobalScope {}
const workerScope = Object.assign(new FakeWorkerGlobalScope(), { WorkerGlobalScope: FakeWorkerGlobalScope });

describe('isBrowserLike', () => {
  test.each([
    ['a page (window and document)', { window: {}, document: {} }, true],
    ['a web worker (an instance of WorkerGlobalScope)', workerScope, true],
    ['window without document (Deno 1)', { window: {} }, false],
    ['document without window', { document: {} }, false],
    [
      'WorkerGlobalScope defined but not the scope class',
      { WorkerGlobalScope: FakeWorkerGlobalScope },
      false,
    ],
    ['null window and document', { window: null, document: null }, false],
    ['an empty scope (Node, Bun, edge runtimes)', {}, false],
  ])('%s → %s', (_label, scope, expected) => {
    expect(isBrowserLike(scope)).toBe(expected);
  });

  test('Node running these tests is not a browser', () => {
    expect(isBrowserLike()).toBe(false);
  });
});

describe('the browser rule', () => {
  const inBrowser = { detectBrowser: () => true } satisfies SmsPartnerClientOptions;

  test('an apiKey in a browser without the opt-in throws SmsPartnerConfigError', () => {
    let thrown: unknown;
    try {
      createSmsPartnerClient({ ...inBrowser, apiKey: 'test-funded-key' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SmsPartnerConfigError);
    expect(isSmsPartnerConfigError(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      name: 'SmsPartnerConfigError',
      option: 'dangerouslyAllowApiKeyInBrowser',
    });
    expect((thrown as Error).message).toBe(
      'An API key in a browser can be read by anyone using the page. Omit `apiKey` and call a proxy of ' +
        'yours that adds it (proxy mode), or pass `dangerouslyAllowApiKeyInBrowser: true` if you accept the risk.',
    );
  });

  test('the modular transport applies the same rule', () => {
    expect(() => createTransport({ ...inBrowser, apiKey: 'test-funded-key' })).toThrow(SmsPartnerConfigError);
  });

  test.each([
    [
      'an apiKey with dangerouslyAllowApiKeyInBrowser: true',
      { apiKey: 'test-funded-key', dangerouslyAllowApiKeyInBrowser: true },
    ],
    ['proxy mode (no apiKey), without opt-in', { baseUrl: 'https://example.com/sms-proxy' }],
  ])('a browser client with %s is allowed', async (_label, options) => {
    const { client, requests } = observedClient(replies(json({ success: true, code: 200, message: 'ok' })), {
      apiKey: undefined,
      ...inBrowser,
      ...options,
    });
    await client.cancelSms({ messageId: 300 });
    expect(requests).toHaveLength(1);
  });

  test('dangerouslyAllowApiKeyInBrowser: false is no opt-in', () => {
    expect(() =>
      createSmsPartnerClient({ ...inBrowser, apiKey: 'k', dangerouslyAllowApiKeyInBrowser: false }),
    ).toThrow(SmsPartnerConfigError);
  });

  test('outside a browser an apiKey needs no opt-in', () => {
    expect(() =>
      createSmsPartnerClient({ detectBrowser: () => false, apiKey: 'test-funded-key' }),
    ).not.toThrow();
  });
});

describe('option checks', () => {
  test.each([
    ['timeout', { timeout: 0 }],
    ['timeout', { timeout: 1.5 }],
    ['timeout', { timeout: 2_147_483_648 }],
    ['retry', { retry: -1 }],
    ['retry', { retry: { limit: 1.5 } }],
    ['retry', { retry: { maxDelay: -1 } }],
    ['format', { format: 'yaml' as 'json' }],
    ['format', { format: 'xml' as 'json' }],
    ['apiKey', { apiKey: '' }],
    ['apiKey', { apiKey: '   ' }],
    ['baseUrl', { baseUrl: '/' }],
  ])('rejects a bad %s: %o', (option, options) => {
    expect(() => createSmsPartnerClient({ detectBrowser: () => false, ...options })).toThrow(
      expect.objectContaining({ name: 'SmsPartnerConfigError', option }),
    );
  });

  test('the client has exactly one method per registry endpoint, and is frozen', () => {
    const client = createSmsPartnerClient({ detectBrowser: () => false });
    expect(Object.keys(client).sort()).toEqual(Object.keys(endpoints).sort());
    expect(Object.isFrozen(client)).toBe(true);
  });

  test('the transport says whether it carries a key, never the key', () => {
    const transport = createTransport({ apiKey: 'test-funded-key', detectBrowser: () => false });
    expect(transport).toMatchObject({
      baseUrl: 'https://api.smspartner.fr',
      format: 'json',
      hasApiKey: true,
    });
    expect(JSON.stringify(transport)).not.toContain('test-funded-key');
  });
});

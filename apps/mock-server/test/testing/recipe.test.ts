// A test file of a suite that shares one mock (see global-setup.ts): it knows
// only the URL, and drives the mock through createMockAdmin, as a suite
// against a mock in another process would. Each file uses an account of its own.
import { beforeEach, expect, inject, test } from 'vitest';
import { createMockAdmin, extractOtp } from '../../src/testing/index.ts';

const url = inject('smsPartnerMockUrl');
const admin = createMockAdmin(url);
const apiKey = 'recipe-suite-key';

beforeEach(async () => {
  await admin.reset(apiKey).catch(() => undefined);
  await admin.accounts.upsert(apiKey, { credits: 10 });
});

test('an OTP sent through the shared mock is read back by the test', async () => {
  // What the application under test would do:
  await fetch(`${url}/v1/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey, phoneNumbers: '0612345678', message: 'Your code is 730114' }),
  });
  const sms = await admin.waitForMessage({ apiKey, to: '+33612345678' });
  expect(extractOtp(sms.message)).toBe('730114');
  expect((await admin.accounts.get(apiKey)).credits).toBe(9);
});

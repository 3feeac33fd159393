/**
 * SMS Partner documents no HTTP status for `success: false` answers (reference
 * README, "Wire quirks"); the mock's `errorHttpStatus` is the one switch. The
 * client decides on the body, whatever the status: the same errors under 200
 * (the mock's default) and under 400 (what the Go client's own test serves for
 * code 9), and code 90 travels with HTTP 400 in both, as send.md documents.
 */
import { startMockServer } from '@smspartner-kit/mock-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSmsPartnerClient, type SmsPartnerApiError } from '../../src/index.ts';

const KEY = 'status-key-4e1b';

describe.each([200, 400])('the mock answering success:false with HTTP %i', (errorHttpStatus) => {
  let mock: Awaited<ReturnType<typeof startMockServer>>;
  beforeAll(async () => {
    mock = await startMockServer({ config: { accounts: [{ apiKey: KEY, credits: 10 }], errorHttpStatus } });
    mock.store.clock.set(Date.parse('2030-01-15T08:00:00Z'));
  });
  afterAll(async () => {
    await mock.close();
  });
  const client = () => createSmsPartnerClient({ baseUrl: mock.url, apiKey: KEY, retry: { limit: 0 } });
  const rejection = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!error) throw new Error('the call did not fail');
    return error as SmsPartnerApiError;
  };

  test('code 9 is an SmsPartnerApiError with the field list and the status it came with', async () => {
    const error = await rejection(client().sendSms({ phoneNumbers: '922264', message: 'x' }));
    expect(error.name).toBe('SmsPartnerApiError');
    expect(error.code).toBe(9);
    expect(error.errors).toEqual([
      { elementId: 'children[phoneNumbers].data', message: 'This phone number is not valid (922264)' },
    ]);
    expect(error.response.status).toBe(errorHttpStatus);
  });

  test('a cancel of an unknown message is code 4 on a GET, not retried and not an HTTP error', async () => {
    const error = await rejection(client().cancelSms({ messageId: 999_999 }));
    expect(error.name).toBe('SmsPartnerApiError');
    expect(error.code).toBe(4);
    expect(error.response.status).toBe(errorHttpStatus);
  });

  test('a success is unaffected', async () => {
    await expect(
      client().sendSms({ phoneNumbers: '0612345678', message: 'ok', sandbox: true }),
    ).resolves.toMatchObject({ success: true, code: 200 });
  });
});

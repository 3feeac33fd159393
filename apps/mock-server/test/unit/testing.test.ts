import { describe, expect, test } from 'vitest';
import { createMockAdmin, extractOtp, MockAdminError, startMockServer } from '../../src/testing/index.ts';
import { FUNDED, MINUTE, post, useMock } from '../helpers.ts';

const server = useMock();
const admin = () => createMockAdmin(server.url);
const send = (phoneNumbers: string, message: string) =>
  post(server.url, '/v1/send', { apiKey: FUNDED, phoneNumbers, message });

describe('extractOtp', () => {
  test.each([
    ['Your code is 482913', '482913'],
    ['Votre code de vérification : 482 913. Il expire dans 10 min.', '482913'],
    ['G-204816 is your Google verification code.', '204816'],
    ['Use 5521 to sign in. Do not share it.', '5521'],
    ['Ihr Code lautet 123-456', '123456'],
    ['OTP: 00042817 (valid 5 minutes)', '00042817'],
    ['Call +33612345678 on 15/01/2030 at 10:30, PIN 7741', '7741'],
    ['Your order 2030-01-15 of 12.50 EUR has shipped', undefined],
    ['Rendez-vous le 15/01/2030 à 10:30', undefined],
    ['No digits here', undefined],
  ])('%j → %j', (text, code) => {
    expect(extractOtp(text)).toBe(code);
  });
});

describe('createMockAdmin: the admin API, typed, for a mock in another process', () => {
  test('clock, accounts, messages, journal, faults, seed and reset', async () => {
    const mock = admin();
    expect(await mock.clock.set('2030-01-15T10:00:00+01:00')).toEqual({
      now: '2030-01-15T09:00:00.000Z',
      frozen: true,
    });
    expect(await mock.clock.advance(MINUTE)).toMatchObject({ now: '2030-01-15T09:01:00.000Z' });
    expect(await mock.accounts.upsert('suite-key', { credits: 5 }, { name: 'suite' })).toMatchObject({
      created: true,
      credits: 5,
    });
    expect(await mock.accounts.get('suite-key')).toMatchObject({
      name: 'suite',
      credits: 5,
      fingerprint: expect.stringMatching(/^key#/),
    });
    await post(server.url, '/v1/send', { apiKey: 'suite-key', phoneNumbers: '0612345678', message: 'one' });
    expect((await mock.allMessages('suite-key')).map((message) => message.message)).toEqual(['one']);
    expect((await mock.requests({ endpoint: 'sendSms', limit: 1 })).requests[0]).toMatchObject({
      code: 200,
      account: 'suite',
    });
    expect(
      await mock.faults.add({ apiKey: 'suite-key', endpoint: 'sendSms', httpStatus: 503 }),
    ).toMatchObject({ httpStatus: 503, times: 1 });
    expect(await mock.faults.list('suite-key')).toHaveLength(1);
    expect(await mock.faults.clear({ apiKey: 'suite-key' })).toBe(1);
    expect(await mock.seed({ accounts: [{ apiKey: 'seeded-key', credits: 3 }] })).toMatchObject({
      accounts: [{ replaced: false }],
    });
    await mock.reset('suite-key');
    await expect(mock.accounts.get('suite-key')).rejects.toMatchObject({
      name: 'MockAdminError',
      status: 404,
    });
  });

  test('a refused request throws MockAdminError with the mock reason, every seed problem included', async () => {
    const error = await admin()
      .seed({ accounts: [{ apiKey: 'x-key', mesages: [] } as never] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MockAdminError);
    expect(error).toMatchObject({
      status: 400,
      reason: 'Invalid seed: nothing changed\n  accounts.0: unknown key "mesages"',
    });
  });

  test('reply posts to POST /__mock/replies: a STOP lists the sender', async () => {
    await expect(admin().reply({ apiKey: FUNDED, from: '0612345678', text: 'STOP' })).resolves.toMatchObject({
      messageId: null,
      stopListed: true,
      webhooks: [],
    });
    await expect(
      admin().reply({ apiKey: 'not-a-key', from: '0612345678', text: 'hi' }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  test('with the admin token', async () => {
    await using mock = await startMockServer({ adminToken: 'suite-token' });
    await expect(createMockAdmin(mock.url).clock.get()).rejects.toMatchObject({ status: 401 });
    expect(await createMockAdmin(mock.url, { token: 'suite-token' }).clock.get()).toHaveProperty('now');
  });
});

describe('waitForMessage', () => {
  test('resolves to a message already there, by recipient in any writing', async () => {
    await send('0611111111', 'not this one');
    await send('0622222222', 'Your code is 482913');
    const message = await admin().waitForMessage({
      apiKey: FUNDED,
      to: '+33 6 22 22 22 22',
      timeoutMs: 1000,
    });
    expect(extractOtp(message.message)).toBe('482913');
  });

  test('waits for one sent later, by text or pattern, after a given id', async () => {
    await send('0622222222', 'Your code is 111111');
    const waiting = admin().waitForMessage({
      apiKey: FUNDED,
      match: /code is \d+/,
      after: 1000,
      timeoutMs: 3000,
    });
    setTimeout(() => void send('0622222222', 'Your code is 222222'), 150);
    expect((await waiting).messageId).toBe(1001);
  });

  test('rejects after the timeout, saying what it looked at', async () => {
    await send('0611111111', 'hello');
    await expect(admin().waitForMessage({ apiKey: FUNDED, match: 'never', timeoutMs: 200 })).rejects.toThrow(
      'No message matching within 200 ms (1 looked at)',
    );
  });
});

describe('startMockServer with await using', () => {
  test('closes the server when the block ends', async () => {
    let url = '';
    {
      await using mock = await startMockServer();
      url = mock.url;
      expect((await fetch(`${url}/__mock/clock`)).status).toBe(200);
    }
    await expect(fetch(`${url}/__mock/clock`)).rejects.toThrow();
  });

  test('a mock closed before the end of the block is not closed twice', async () => {
    let url = '';
    {
      await using mock = await startMockServer();
      url = mock.url;
      await mock.close();
    }
    await expect(fetch(`${url}/__mock/clock`)).rejects.toThrow();
  });
});

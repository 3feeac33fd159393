import { describe, expect, test } from 'vitest';
import { FUNDED, post, useMock } from '../../helpers.ts';

const server = useMock();
const forward = (body: Record<string, unknown>) =>
  post(server.url, '/v1/vn/callforward', { apiKey: FUNDED, number: '33700000000', ...body });

describe('POST /v1/vn/callforward', () => {
  test('walks the state machine of codes 16–18; every success is code 2 with a message', async () => {
    const steps: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { type: 0, param: '' },
        { success: false, code: 18, message: 'Call forwarding is already disabled' },
      ],
      [
        { type: 1, param: '0612345678' },
        { success: true, code: 2, message: 'Callforward enabled' },
      ],
      [
        { type: 1, param: '+33698765432' },
        { success: false, code: 16, message: 'Call forwarding is already enabled' },
      ],
      [
        { type: 2, param: 'desk@example.com' },
        { success: true, code: 2, message: 'Voicemail enabled' },
      ],
      [
        { type: 2, param: 'other@example.com' },
        { success: false, code: 17, message: 'Voicemail is already enabled' },
      ],
      [
        { type: 0, param: '' },
        { success: true, code: 2, message: 'Callforward disabled' },
      ],
      [{ type: 0 }, { success: false, code: 18, message: 'Call forwarding is already disabled' }],
    ];
    for (const [body, answer] of steps) expect((await forward(body)).json).toEqual(answer);
  });

  test("keeps the forwarding target, the number normalised, in the account's state", async () => {
    await forward({ type: '1', param: '06 12 34 56 78' });
    expect(server.store.forwarding.of(server.store.account(FUNDED) as never, '33700000000')).toEqual({
      mode: 'forward',
      param: '+33612345678',
    });
  });

  test('the number may be written with + or spaces, and type as a digit string', async () => {
    expect(
      (await forward({ number: '+33 700 000 000', type: '1', param: '+33612345678' })).json,
    ).toMatchObject({
      success: true,
      code: 2,
    });
  });

  test('an unknown key answers 10 as a missing one does (the page gives 10 only)', async () => {
    expect((await forward({ apiKey: 'not-a-key', type: 1, param: '+33612345678' })).json).toEqual({
      success: false,
      code: 10,
      message: 'API key is required',
    });
  });

  test('type 0 ignores any param; a param that is not text answers 8', async () => {
    await forward({ type: 1, param: '+33612345678' });
    expect((await forward({ type: 0, param: 'whatever' })).json).toMatchObject({
      code: 2,
      message: 'Callforward disabled',
    });
    expect((await forward({ type: 1, param: 612345678 })).json).toMatchObject({ code: 8 });
  });

  test('the state is per account: another account renting the same number starts off', async () => {
    await post(server.url, '/__mock/accounts', {
      apiKey: 'other-key',
      credits: 1,
      virtualNumbers: ['33700000000'],
    });
    await forward({ type: 1, param: '+33612345678' });
    expect((await forward({ apiKey: 'other-key', type: 0, param: '' })).json).toMatchObject({ code: 18 });
  });

  test('is not gated by the account status (the page lists no such code)', async () => {
    await post(server.url, '/__mock/accounts', {
      apiKey: 'disabled-key',
      credits: 1,
      status: 'disabled',
      virtualNumbers: ['33700000000'],
    });
    expect((await forward({ apiKey: 'disabled-key', type: 1, param: '+33612345678' })).json).toMatchObject({
      code: 2,
    });
  });
});

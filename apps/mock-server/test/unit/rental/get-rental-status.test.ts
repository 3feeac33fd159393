import { describe, expect, test } from 'vitest';
import { FUNDED, get, MINUTE, post, useMock } from '../../helpers.ts';

const server = useMock();
const status = (token: string, apiKey = FUNDED) => get(server.url, '/v1/location/status', { apiKey, token });
const rent = () =>
  post(server.url, '/v1/location/optin', {
    apiKey: FUNDED,
    op: 'rent',
    parameters: { sexe: 'm', minAge: 25, maxAge: 35, zipcode: '60200', interest: 14 },
    volumes: { '60200': 20 },
  });

describe('GET /v1/location/status', () => {
  test("a rental is requested (0), then its file is created (1), then ready (2), on the mock's clock", async () => {
    await rent();
    const at = async (advanceBy: number) => {
      await post(server.url, '/__mock/clock', { advanceBy });
      return ((await status('LOC1000')).json as { status: number }).status;
    };
    expect(await at(0)).toBe(0);
    expect(await at(MINUTE - 1)).toBe(0);
    expect(await at(1)).toBe(1);
    expect(await at(4 * MINUTE - 1)).toBe(1);
    expect(await at(1)).toBe(2);
    expect(await at(60 * MINUTE)).toBe(2);
  });

  test("another account's token is not found (32), and tokens are read trimmed", async () => {
    await rent();
    await post(server.url, '/__mock/accounts', { apiKey: 'other-key', credits: 1 });
    expect((await status('LOC1000', 'other-key')).json).toMatchObject({ success: false, code: 32 });
    expect((await status(' LOC1000 ')).json).toMatchObject({ success: true, token: 'LOC1000' });
  });

  test('tokens are unique across accounts and numbered from LOC1000 again after a full reset', async () => {
    await rent();
    await rent();
    expect((await status('LOC1001')).json).toMatchObject({ token: 'LOC1001' });
    await post(server.url, '/__mock/reset', {});
    expect((await rent()).json).toMatchObject({ token: 'LOC1000' });
  });
});

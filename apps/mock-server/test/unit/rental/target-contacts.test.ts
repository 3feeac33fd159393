import { endpoints } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { FUNDED, get, post, useMock } from '../../helpers.ts';

const server = useMock();
const target = (body: Record<string, unknown>) =>
  post(server.url, '/v1/location/optin', { apiKey: FUNDED, ...body });
const parameters = { sexe: 'm', minAge: '25', maxAge: '35', zipcode: '60200', interest: 14 };
const balance = async (apiKey = FUNDED) =>
  ((await get(server.url, '/v1/me', { apiKey })).json as { credits: { balance: string } }).credits.balance;

describe('POST /v1/location/optin', () => {
  test('the documented price example answers its shape, without a code, and charges nothing', async () => {
    const { example } = endpoints.targetContacts;
    const answer = await target({ ...example.request, apiKey: FUNDED });
    expect(answer.json).toEqual(example.response);
    expect(Object.keys(answer.json as object)).toEqual(['success', 'op', 'datas', 'cost']);
    expect(await balance()).toBe('38.000');
  });

  test('calcul counts every place of the target, postcodes then departments, with a total row', async () => {
    const answer = await target({ op: 'calcul', parameters: { ...parameters, department: '02, 2A' } });
    // 11 ages of 81, mixed sex, no sub-interest: 400 × 11/81 per postcode, 20,000 × 11/81 per department.
    expect(answer.json).toEqual({
      success: true,
      op: 'calcul',
      datas: [
        { Type: 'CP', Localite: '60200', Volume: 54 },
        { Type: 'DEP', Localite: '02', Volume: 2716 },
        { Type: 'DEP', Localite: '2A', Volume: 2716 },
        { Type: 'total', Localite: 'total', Volume: 5486 },
      ],
      cost: { quantity: 5486, total: 493.74, cost_unity: 0.09 },
    });
  });

  test('each criterion narrows the count: one sex, a sub-interest, a category halve it', async () => {
    const count = async (extra: Record<string, unknown>) =>
      (
        (await target({ op: 'calcul', parameters: { ...parameters, ...extra } })).json as {
          cost: { quantity: number };
        }
      ).cost.quantity;
    expect(await count({})).toBe(54);
    expect(await count({ sexe: 'f' })).toBe(27);
    expect(await count({ subInterest: 35 })).toBe(27);
    expect(await count({ category: 102 })).toBe(27);
    expect(await count({ minAge: 18, maxAge: 98 })).toBe(400);
  });

  test("a calcul answer's rows can be sent back as the volumes of a price (the rows form of volumes)", async () => {
    const answer = await target({
      op: 'price',
      parameters,
      volumes: [
        { Type: 'CP', Localite: '60200', Volume: 10 },
        { Type: 'total', Localite: 'total', Volume: 10 },
      ],
    });
    expect(answer.json).toMatchObject({
      datas: [
        { Type: 'CP', Localite: '60200', Volume: 10 },
        { Type: 'total', Localite: 'total', Volume: 10 },
      ],
      cost: { quantity: 10, total: 0.9 },
    });
  });

  test('price without volumes prices everything available; calcul ignores volumes', async () => {
    expect((await target({ op: 'price', parameters })).json).toMatchObject({ cost: { quantity: 54 } });
    expect((await target({ op: 'calcul', parameters, volumes: { '60200': 99_999 } })).json).toMatchObject({
      cost: { quantity: 54 },
    });
  });

  test('rent debits the balance and answers the rental token; the status follows it', async () => {
    const answer = await target({
      op: 'rent',
      parameters,
      volumes: { '60200': 20 },
      urlNotification: 'https://example.com/rent',
    });
    expect(answer.json).toEqual({
      success: true,
      op: 'rent',
      datas: [
        { Type: 'CP', Localite: '60200', Volume: 20 },
        { Type: 'total', Localite: 'total', Volume: 20 },
      ],
      cost: { quantity: 20, total: 1.8, cost_unity: 0.09 },
      token: 'LOC1000',
    });
    expect(await balance()).toBe('36.200');
    expect((await get(server.url, '/v1/location/status', { apiKey: FUNDED, token: 'LOC1000' })).json).toEqual(
      {
        success: true,
        code: 200,
        token: 'LOC1000',
        status: 0,
      },
    );
  });

  test('a rent the balance cannot cover answers 11 and charges nothing', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: 'poor-key', balance: '1.79' });
    expect(
      (await target({ apiKey: 'poor-key', op: 'rent', parameters, volumes: { '60200': 20 } })).json,
    ).toMatchObject({
      code: 11,
    });
    expect(await balance('poor-key')).toBe('1.790');
    expect(
      (await target({ apiKey: 'poor-key', op: 'rent', parameters, volumes: { '60200': 19 } })).json,
    ).toMatchObject({
      token: 'LOC1000',
    });
    expect(await balance('poor-key')).toBe('0.080');
  });

  test.each([
    ['minAge 18 and maxAge 98, the bounds', { minAge: 18, maxAge: 98 }, 200],
    ['ages as digit strings', { minAge: '30', maxAge: '40' }, 200],
    ['a sub-interest alone', { interest: undefined, subInterest: 35 }, 200],
    ['minAge above maxAge: no one', { minAge: 40, maxAge: 30 }, 61],
    ['no place at all', { zipcode: undefined }, 61],
    ['an age that is not a number', { minAge: 'twenty' }, 12],
  ])('%s → %i', async (_label, changes, code) => {
    const merged: Record<string, unknown> = { ...parameters, ...changes };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete merged[key];
    const answer = (await target({ op: 'calcul', parameters: merged })).json as {
      success: boolean;
      code?: number;
    };
    expect(answer.success ? 200 : answer.code).toBe(code);
  });
});

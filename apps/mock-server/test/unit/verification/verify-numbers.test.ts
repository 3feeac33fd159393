import { decodeXml, endpoints, entriesToJson, verifyNumbersResponse } from '@smspartner-kit/schema';
import { describe, expect, test } from 'vitest';
import { EMPTY, FUNDED, get, MINUTE, post, useMock } from '../../helpers.ts';

const server = useMock();
const endpoint = endpoints.verifyNumbers;
const verify = (body: Record<string, unknown>) =>
  post(server.url, '/v1/hlr/notify', { apiKey: FUNDED, ...body });
const creditHlr = async (apiKey = FUNDED) =>
  ((await get(server.url, '/v1/me', { apiKey })).json as { credits: { creditHlr: number } }).credits
    .creditHlr;
const campaigns = async (apiKey = FUNDED) =>
  ((await get(server.url, '/__mock/hlr', { apiKey })).json as { creditHlr: number; campaigns: unknown[] })
    .campaigns;

describe('POST /v1/hlr/notify', () => {
  test('answers the recorded shape, in wire order, and takes one HLR credit per number', async () => {
    const answer = await verify({
      phoneNumbers: '+33612345678,+33698765432',
      notifyUrl: 'https://example.com/hlr',
    });
    expect(answer.json).toEqual({
      success: true,
      code: 200,
      campaign_id: 'HLR1000',
      number: 2,
      cost: 0.01,
      currency: 'EUR',
    });
    expect(Object.keys(answer.json as object)).toEqual(Object.keys(endpoint.example.response));
    expect(await creditHlr()).toBe(98);
  });

  test('answers in XML with _format=xml, and the XML reads back as the same answer', async () => {
    const answer = await verify({ phoneNumbers: '+33612345678', _format: 'xml' });
    expect(answer.contentType).toMatch(/^application\/xml/);
    expect(answer.text).toContain('<entry><![CDATA[HLR1000]]></entry>');
    expect(entriesToJson(verifyNumbersResponse, decodeXml(answer.text) as never)).toEqual({
      success: true,
      code: 200,
      campaign_id: 'HLR1000',
      number: 1,
      cost: 0.005,
      currency: 'EUR',
    });
  });

  test("keeps each number's result for notifyUrl, in the documented notification fields", async () => {
    await verify({
      phoneNumbers: '+33612345678,+33600000001,+33600020000',
      tag: 'check',
      notifyUrl: 'https://example.com/hlr',
    });
    expect(await campaigns()).toEqual([
      {
        campaignId: 'HLR1000',
        createdAt: '2030-01-15T08:00:00.000Z',
        tag: 'check',
        notifyUrl: 'https://example.com/hlr',
        results: [
          {
            phone: '+33612345678',
            messageId: '1000-1',
            mccMnc: '20815',
            ported: 0,
            errorGrpId: 0,
            errorName: 'NO_ERROR',
            errorDesc: 'No Error',
            date: '2030-01-15T08:00:00.000+0000',
          },
          {
            phone: '+33600000001',
            messageId: '1000-2',
            mccMnc: '20815',
            ported: 0,
            errorGrpId: 1,
            errorName: 'EC_UNKNOWN_SUBSCRIBER',
            errorDesc: 'The number does not exist or is not assigned',
            date: '2030-01-15T08:00:00.000+0000',
          },
          {
            phone: '+33600020000',
            messageId: '1000-3',
            mccMnc: '20815',
            ported: 1,
            errorGrpId: 0,
            errorName: 'NO_ERROR',
            errorDesc: 'No Error',
            date: '2030-01-15T08:00:00.000+0000',
          },
        ],
      },
    ]);
  });

  test('numbers not written internationally, or with a space around them, get no lookup and cost nothing', async () => {
    const answer = await verify({ phoneNumbers: '0612345678, +33698765432,+33612345678,+336' });
    expect(answer.json).toMatchObject({ success: true, number: 1, cost: 0.005 });
    expect(await creditHlr()).toBe(99);
    expect((await verify({ phoneNumbers: '0612345678, +33698765432' })).json).toMatchObject({ code: 55 });
  });

  test.each([
    ['a semicolon', '+33612345678;+33698765432'],
    ['a pipe', '+33612345678|+33698765432'],
    ['a line break', '+33612345678\n+33698765432'],
    ['two numbers in one item', '+33612345678 +33698765432'],
  ])('numbers separated by %s answer 3', async (_label, phoneNumbers) => {
    expect((await verify({ phoneNumbers })).json).toMatchObject({ success: false, code: 3 });
  });

  test('empty items between commas are skipped; 500 numbers pass, 501 answer 50', async () => {
    expect((await verify({ phoneNumbers: '+33612345678,,+33698765432,' })).json).toMatchObject({ number: 2 });
    const numbers = (count: number) =>
      Array.from({ length: count }, (_, index) => `+336${String(10_000_000 + index).slice(-8)}`).join(',');
    await post(server.url, '/__mock/accounts', { apiKey: 'many-key', credits: 1, hlrCredits: 1000 });
    expect((await verify({ apiKey: 'many-key', phoneNumbers: numbers(500) })).json).toMatchObject({
      number: 500,
      cost: 2.5,
    });
    expect((await verify({ apiKey: 'many-key', phoneNumbers: numbers(501) })).json).toMatchObject({
      code: 50,
    });
  });

  test('too few HLR credits for every number refuses the whole request and takes nothing', async () => {
    await post(server.url, '/__mock/accounts', { apiKey: 'two-key', credits: 1, hlrCredits: 2 });
    expect(
      (await verify({ apiKey: 'two-key', phoneNumbers: '+33612345678,+33698765432,+33611223344' })).json,
    ).toMatchObject({
      code: 11,
    });
    expect(await creditHlr('two-key')).toBe(2);
    expect(await campaigns('two-key')).toEqual([]);
    expect((await verify({ apiKey: EMPTY })).json).toMatchObject({ code: 2 });
  });

  test('a request that fails takes no credit and records no campaign', async () => {
    await verify({ phoneNumbers: '+12025550123' });
    await verify({ phoneNumbers: '+33612345678;+33698765432' });
    expect(await creditHlr()).toBe(100);
    expect(await campaigns()).toEqual([]);
  });
});

describe('the verification rate limit: 360 requests per minute and key, HTTP 429 above', () => {
  const limits = async (apiKey = FUNDED) => (await get(server.url, '/__mock/rate-limits', { apiKey })).json;

  test('the 360th request of a minute passes, the 361st answers 429 with Retry-After, and is not counted', async () => {
    await post(server.url, '/__mock/rate-limits', { apiKey: FUNDED, endpoint: 'verifyNumbers', used: 359 });
    expect((await verify({ phoneNumbers: '+33612345678' })).status).toBe(200);
    const over = await verify({ phoneNumbers: '+33612345678' });
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('60');
    expect(over.json).toEqual({ success: false, code: 429, message: endpoint.codes[429].message });
    expect(await limits()).toMatchObject({ verifyNumbers: { limit: 360, used: 360, remaining: 0 } });
    expect(await creditHlr()).toBe(99);
  });

  test("the window slides on the mock's clock: a minute later the requests are free again", async () => {
    await post(server.url, '/__mock/rate-limits', { apiKey: FUNDED, endpoint: 'verifyNumbers', used: 360 });
    await post(server.url, '/__mock/clock', { advanceBy: 59_999 });
    const still = await verify({ phoneNumbers: '+33612345678' });
    expect(still.status).toBe(429);
    expect(still.headers.get('retry-after')).toBe('1');
    await post(server.url, '/__mock/clock', { advanceBy: 1 });
    expect((await verify({ phoneNumbers: '+33612345678' })).status).toBe(200);
  });

  test('counted per key and per endpoint: another account, and the lookup, keep their own minute', async () => {
    await post(server.url, '/__mock/rate-limits', { apiKey: FUNDED, endpoint: 'verifyNumbers', used: 360 });
    expect((await verify({ apiKey: EMPTY, phoneNumbers: '+33612345678' })).json).toMatchObject({ code: 11 });
    expect(
      (await post(server.url, '/v1/lookup', { apiKey: FUNDED, phoneNumbers: '+33612345678' })).status,
    ).toBe(200);
    expect(await limits()).toEqual({
      verifyNumbers: { limit: 360, used: 360, remaining: 0, freesAt: '2030-01-15T08:01:00.000Z' },
      lookupNumbers: { limit: 360, used: 1, remaining: 359, freesAt: '2030-01-15T08:01:00.000Z' },
      getSendingStatistics: { limit: 5, used: 0, remaining: 5, freesAt: null },
    });
  });

  test('every request with a known key counts, whatever its answer; one without a key does not', async () => {
    await verify({ phoneNumbers: '' });
    await verify({ phoneNumbers: '+33612345678;+1' });
    await post(server.url, '/v1/hlr/notify', { phoneNumbers: '+33612345678' });
    await post(server.url, '/v1/hlr/notify', { apiKey: 'not-a-key', phoneNumbers: '+33612345678' });
    expect(await limits()).toMatchObject({ verifyNumbers: { used: 2 } });
  });

  test('a test can lower the limit (and put the documented one back with null)', async () => {
    await post(server.url, '/__mock/rate-limits', { apiKey: FUNDED, endpoint: 'lookupNumbers', limit: 1 });
    const lookup = () => post(server.url, '/v1/lookup', { apiKey: FUNDED, phoneNumbers: '+33612345678' });
    expect((await lookup()).status).toBe(200);
    expect((await lookup()).status).toBe(429);
    await post(server.url, '/__mock/rate-limits', { apiKey: FUNDED, endpoint: 'lookupNumbers', limit: null });
    expect((await lookup()).status).toBe(200);
  });

  test('the 429 answer is XML when asked, with the same status', async () => {
    await post(server.url, '/__mock/rate-limits', { apiKey: FUNDED, endpoint: 'verifyNumbers', used: 360 });
    const answer = await verify({ phoneNumbers: '+33612345678', _format: 'xml' });
    expect(answer.status).toBe(429);
    expect(decodeXml(answer.text)).toEqual([false, 429, endpoint.codes[429].message]);
  });

  test('an account reset empties its windows', async () => {
    await post(server.url, '/__mock/rate-limits', {
      apiKey: FUNDED,
      endpoint: 'verifyNumbers',
      used: 360,
      limit: 400,
    });
    await post(server.url, '/__mock/reset', { apiKey: FUNDED });
    expect(await limits()).toMatchObject({ verifyNumbers: { limit: 360, used: 0, freesAt: null } });
  });

  test.each([
    [
      { endpoint: 'sendSms', used: 1 },
      'endpoint must be one of: getSendingStatistics, verifyNumbers, lookupNumbers',
    ],
    [
      { endpoint: 'verifyNumbers' },
      'Send "used" (requests counted this minute) and/or "limit" (per minute, null for the documented one)',
    ],
    [{ endpoint: 'verifyNumbers', used: -1 }, 'used must be a whole number from 0 to 1000000000'],
    [
      { endpoint: 'verifyNumbers', limit: 'many' },
      'limit must be a whole number from 0 to 1000000000, or null',
    ],
  ])('the admin API refuses %o with a reason', async (input, error) => {
    const answer = await post(server.url, '/__mock/rate-limits', { apiKey: FUNDED, ...input });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ error });
  });

  test('a refused request changes nothing else, and a minute on the clock is a minute (MINUTE)', async () => {
    await post(server.url, '/__mock/rate-limits', { apiKey: FUNDED, endpoint: 'verifyNumbers', used: 360 });
    await verify({ phoneNumbers: '+33612345678' });
    expect(await creditHlr()).toBe(100);
    await post(server.url, '/__mock/clock', { advanceBy: MINUTE });
    expect(await limits()).toMatchObject({ verifyNumbers: { used: 0 } });
  });
});

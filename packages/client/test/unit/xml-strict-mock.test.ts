/**
 * An XML client (`format: xmlFormat`) against the mock in strict mode, where
 * an undocumented field is refused: the client asks for XML only where the
 * page documents `_format`, so the JSON-only families (contacts and groups
 * here) answer as they would a JSON client, and the XML ones in XML.
 */
import { startMockServer } from '@smspartner-kit/mock-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSmsPartnerClient } from '../../src/index.ts';
import { xmlFormat } from '../../src/xml.ts';

const KEY = 'xml-strict-key-91c4';
let mock: Awaited<ReturnType<typeof startMockServer>>;
beforeAll(async () => {
  mock = await startMockServer({ config: { accounts: [{ apiKey: KEY, credits: 10 }], strictParams: true } });
});
afterAll(async () => {
  await mock.close();
});
/** Each answer's endpoint path and content type, as the client's `afterResponse` hook sees them. */
const seen: string[] = [];
const client = () =>
  createSmsPartnerClient({
    baseUrl: mock.url,
    apiKey: KEY,
    format: xmlFormat,
    retry: { limit: 0 },
    hooks: {
      afterResponse: [
        ({ response }) => {
          seen.push(
            `${new URL(response.url).pathname} ${response.headers.get('content-type')?.split(';')[0]}`,
          );
        },
      ],
    },
  });

test('a group is added and listed (no _format sent, JSON answers), the credits come in XML, in strict mode', async () => {
  const added = await client().addGroup({ name: 'Clients' });
  expect(added).toMatchObject({ success: true, code: 2, groupId: expect.any(String) });
  expect(await client().listGroups({})).toMatchObject({
    success: true,
    groups: [{ id: added.groupId, name: 'Clients' }],
  });
  expect(await client().getCredits({})).toMatchObject({ success: true, code: 200 });
  expect(seen).toEqual([
    '/v1/group/add application/json',
    '/v1/group/list application/json',
    '/v1/me application/xml',
  ]);
});

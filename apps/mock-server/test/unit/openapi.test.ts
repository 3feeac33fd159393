import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type AnyEndpoint, endpoints } from '@smspartner-kit/schema';
import { buildOpenApiDocument } from '@smspartner-kit/schema/openapi';
import { describe, expect, test } from 'vitest';
import { redoclyLint } from '../../../../packages/schema/test/redocly.ts';
import { ADMIN_ROUTES } from '../../src/http/admin.ts';
import { DOCUMENTED_ADMIN_ROUTES } from '../../src/http/admin-openapi.ts';
import { get, useMock } from '../helpers.ts';

const server = useMock();

describe('GET /__mock/openapi.json', () => {
  test('the API from the registry and the admin API, with this mock as server', async () => {
    const answer = await get(server.url, '/__mock/openapi.json');
    expect(answer.status).toBe(200);
    const document = answer.json as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, object>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0]?.url).toBe(server.url);
    for (const endpoint of Object.values(endpoints) as AnyEndpoint[]) {
      expect(document.paths[endpoint.path]).toHaveProperty(endpoint.method.toLowerCase());
    }
  });

  test('documents every admin route there is', () => {
    expect([...DOCUMENTED_ADMIN_ROUTES].sort()).toEqual([...ADMIN_ROUTES].sort());
  });

  test('@redocly/cli lint: no error, no warning', { timeout: 60_000 }, async () => {
    const lint = await redoclyLint((await get(server.url, '/__mock/openapi.json')).json);
    expect(lint.output).toContain('Your API description is valid');
    expect([lint.errors, lint.warnings], lint.output).toEqual([0, 0]);
  });

  test('the schema package build wrote the API document into the package (@smspartner-kit/schema/openapi.json)', () => {
    const require = createRequire(import.meta.url);
    const written = JSON.parse(readFileSync(require.resolve('@smspartner-kit/schema/openapi.json'), 'utf8'));
    const { version } = require('@smspartner-kit/schema/package.json') as { version: string };
    expect(written).toEqual(buildOpenApiDocument({ version }));
  });
});

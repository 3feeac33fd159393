import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import {
  type AnyEndpoint,
  authOf,
  codesOf,
  type EndpointName,
  endpoints,
  type FieldCodes,
  routes,
} from '../src/index.ts';

/**
 * The registry test: every entry, whatever endpoint it is, is complete and
 * consistent. A new endpoint is covered by these tests without a line here.
 */
const entries = Object.entries(endpoints) as [EndpointName, AnyEndpoint][];

describe.each(entries)('registry entry %s', (name, endpoint) => {
  test('declares the name it is registered under', () => {
    expect(endpoint.name).toBe(name);
  });

  test('is its route plus the request side: one definition of name, method, path, response, codes', () => {
    const route = routes[name];
    expect(Object.keys(route).sort()).toEqual(['codes', 'method', 'name', 'path', 'response']);
    for (const key of Object.keys(route) as (keyof typeof route)[]) expect(endpoint[key]).toBe(route[key]);
  });

  test('its example request satisfies its request schema', () => {
    const parsed = z.safeParse(endpoint.request, endpoint.example.request);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  test('its example answer satisfies its response schema', () => {
    const parsed = z.safeParse(endpoint.response, endpoint.example.response);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  test('every code it names (key checks, field codes) is in its catalogue, with a message and a source', () => {
    const catalogue = codesOf(endpoint.codes);
    const auth = authOf(endpoint);
    const named = [auth.missing, auth.unknown];
    const codesOfField = (fieldCodes: Omit<FieldCodes<number>, 'items'>) =>
      [fieldCodes.missing, fieldCodes.invalid, ...Object.values(fieldCodes.byIssue ?? {})].filter(
        (code): code is number => code !== undefined,
      );
    for (const fieldCodes of Object.values(endpoint.fieldCodes) as FieldCodes<number>[]) {
      named.push(...codesOfField(fieldCodes));
      for (const itemCodes of Object.values(fieldCodes.items ?? {})) named.push(...codesOfField(itemCodes));
    }
    if (endpoint.rateLimit) named.push(endpoint.rateLimit.code);
    for (const code of named) expect(catalogue).toContain(code);
    for (const code of catalogue) {
      expect(endpoint.codes[code].message).toMatch(/\S/);
      expect(['seed', 'official', 'official-legacy', 'community', 'mock']).toContain(
        endpoint.codes[code].source,
      );
    }
  });

  test('every field with a code of its own is a field of its request', () => {
    const shape = requestShape(endpoint);
    for (const field of Object.keys(endpoint.fieldCodes)) expect(Object.keys(shape)).toContain(field);
  });

  test('declares its provider states, each named once', () => {
    expect(endpoint.states.length).toBeGreaterThan(0);
    expect(new Set(endpoint.states).size).toBe(endpoint.states.length);
    for (const state of endpoint.states) expect(state).toMatch(/^[a-z][a-z0-9 ,'-]+$/);
  });

  test('has a summary and a path under /v1/', () => {
    expect(endpoint.summary).toMatch(/\S/);
    expect(endpoint.path).toMatch(/^\/v1\/[a-z0-9/-]+$/);
  });
});

describe('the registry as a whole', () => {
  test('no two entries answer the same method and path (alternative methods and paths included)', () => {
    const seen = new Map<string, string>();
    for (const [name, endpoint] of entries) {
      const methods = [endpoint.method, ...(endpoint.alsoAnswers?.methods ?? [])];
      const paths = [endpoint.path, ...(endpoint.alsoAnswers?.paths ?? [])];
      for (const method of methods) {
        for (const path of paths) {
          const key = `${method} ${path}`;
          expect(seen.get(key), `${key} is claimed twice`).toBeUndefined();
          seen.set(key, name);
        }
      }
    }
  });

  test('the routes map holds exactly the registry entries', () => {
    expect(Object.keys(routes).sort()).toEqual(Object.keys(endpoints).sort());
  });

  test("the routes pin each endpoint's method and path", () => {
    expect(
      Object.fromEntries(Object.entries(routes).map(([name, r]) => [name, `${r.method} ${r.path}`])),
    ).toEqual({
      getCredits: 'GET /v1/me',
      sendSms: 'POST /v1/send',
      sendBulkSms: 'POST /v1/bulk-send',
      sendVnSms: 'POST /v1/vn/send',
      sendSurvey: 'POST /v1/sondage/to/send',
      cancelSms: 'GET /v1/message-cancel',
      getMessageStatus: 'GET /v1/message-status',
      getMultiStatus: 'POST /v1/multi-status',
      getBulkStatus: 'GET /v1/bulk-status',
      getStatusByTag: 'GET /v1/bulk-status-by-tag',
      getSendingStatistics: 'GET /v1/statistics/cost-resume',
      listStopSms: 'GET /v1/stop-sms/list',
      addStopSms: 'POST /v1/stop-sms/add',
      deleteStopSms: 'GET /v1/stop-sms/delete',
    });
  });
});

/** The top-level fields of a request schema (through pipes and checks). */
function requestShape(endpoint: AnyEndpoint): Record<string, unknown> {
  let schema: unknown = endpoint.request;
  for (let depth = 0; depth < 10 && schema; depth++) {
    const def = (schema as { _zod?: { def?: { shape?: Record<string, unknown>; in?: unknown } } })._zod?.def;
    if (def?.shape) return def.shape;
    schema = def?.in;
  }
  return {};
}

describe('scaffolds from `pnpm gen endpoint`', () => {
  test('nothing the generator marked TODO(gen) is left unfinished', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const root = new URL('../../../', import.meta.url).pathname;
    const unfinished: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name === 'dist' || (name.startsWith('.') && name !== '.changeset'))
          continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|md)$/.test(name) && readFileSync(path, 'utf8').includes('TODO(gen)')) {
          unfinished.push(relative(root, path));
        }
      }
    };
    for (const dir of [
      'packages/schema/src',
      'packages/client/src',
      'packages/client/test',
      'apps/mock-server/src',
      'apps/mock-server/test',
      '.changeset',
    ]) {
      walk(join(root, dir));
    }
    expect(unfinished, 'files written by `pnpm gen endpoint` and not yet filled in').toEqual([]);
  });
});

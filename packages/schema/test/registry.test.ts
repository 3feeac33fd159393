import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import {
  type AnyEndpoint,
  authOf,
  codesOf,
  type EndpointName,
  endpoints,
  type FieldCodes,
  fieldPath,
  requestShapeOf,
  routes,
  successCodeOf,
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
    const documentsXml = '_format' in requestShapeOf(endpoint);
    expect(Object.keys(route).sort()).toEqual(
      ['codes', 'method', 'name', 'path', 'response', ...(documentsXml ? ['xml'] : [])].sort(),
    );
    for (const key of Object.keys(route) as (keyof typeof route)[]) expect(endpoint[key]).toBe(route[key]);
  });

  test('says it answers XML (`xml: true`) exactly when its request schema has `_format`', () => {
    const route: { readonly xml?: true } = routes[name];
    expect(route.xml === true).toBe('_format' in requestShapeOf(endpoint));
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
    const named = [
      auth.missing,
      auth.unknown,
      ...(endpoint.fallbackCode === undefined ? [] : [endpoint.fallbackCode]),
    ];
    const codesOfField = (fieldCodes: Omit<FieldCodes<number>, 'items'>) =>
      [fieldCodes.missing, fieldCodes.invalid, ...Object.values(fieldCodes.byIssue ?? {})].filter(
        (code): code is number => code !== undefined,
      );
    for (const fieldCodes of Object.values(endpoint.fieldCodes) as FieldCodes<number>[]) {
      named.push(...codesOfField(fieldCodes));
      for (const itemCodes of Object.values(fieldCodes.items ?? {})) named.push(...codesOfField(itemCodes));
    }
    for (const code of named) expect(catalogue).toContain(code);
    for (const code of catalogue) {
      expect(endpoint.codes[code].message).toMatch(/\S/);
      expect(['seed', 'official', 'official-legacy', 'community', 'mock']).toContain(
        endpoint.codes[code].source,
      );
    }
  });

  test('a documented rate limit answers 429 with HTTP 429; any status a code documents is a 4xx', () => {
    if (endpoint.rateLimit) {
      expect(endpoint.rateLimit.perMinute).toBeGreaterThan(0);
      expect(endpoint.codes[429]).toMatchObject({ httpStatus: 429 });
    }
    for (const code of codesOf(endpoint.codes)) {
      const status = (endpoint.codes[code] as { httpStatus?: number }).httpStatus;
      if (status !== undefined) expect(status).toBeGreaterThanOrEqual(400);
      if (status !== undefined) expect(status).toBeLessThan(500);
    }
  });

  test('its example answer carries its success code (or none, where the body has no code)', () => {
    const code = successCodeOf(endpoint);
    const example = endpoint.example.response as { code?: unknown };
    if (code === null) expect(example).not.toHaveProperty('code');
    else expect(example.code).toBe(code);
  });

  test('where code 9 is not a validation list, every request field that can fail has a code of its own', () => {
    if (endpoint.validationList !== false) return;
    const shape = requestShapeOf(endpoint) as Record<string, z.ZodMiniType>;
    const odd = [undefined, null, '', 'x', 0, -1, 1.5, true, {}, [], [1]];
    for (const [field, schema] of Object.entries(shape)) {
      if (field in endpoint.fieldCodes) continue;
      for (const value of odd)
        expect(z.safeParse(schema, value).success, `${field}: ${String(value)}`).toBe(true);
    }
  });
  test('every field with a code of its own is a field of its request (a dotted path: a nested field)', () => {
    for (const field of Object.keys(endpoint.fieldCodes)) {
      expect(fieldSchema(endpoint.request, fieldPath(field)), `${name}: ${field}`).toBeDefined();
    }
  });

  test('its key codes are the ones its apiKey field codes name', () => {
    const auth = authOf(endpoint);
    expect(endpoint.fieldCodes.apiKey?.missing ?? 1).toBe(auth.missing);
  });

  if (endpoint.selectedBy !== undefined) {
    test('is selected on its route by a field of its own request that the route owner does not have', () => {
      const selectedBy = endpoint.selectedBy as string;
      expect(Object.keys(requestShape(endpoint))).toContain(selectedBy);
      const owners = entries.filter(
        ([, other]) =>
          other !== endpoint &&
          other.selectedBy === undefined &&
          other.method === endpoint.method &&
          other.path === endpoint.path,
      );
      expect(owners.map(([owner]) => owner)).toHaveLength(1);
      const [, owner] = owners[0] as [EndpointName, AnyEndpoint];
      expect(Object.keys(requestShape(owner))).not.toContain(selectedBy);
    });
  }

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
  test('no two entries answer the same method and path (alternative methods and paths included), but one selected by a field', () => {
    const seen = new Map<string, string>();
    for (const [name, endpoint] of entries) {
      if (endpoint.selectedBy !== undefined) continue;
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
      verifyNumbers: 'POST /v1/hlr/notify',
      lookupNumbers: 'POST /v1/lookup',
      setCallForwarding: 'POST /v1/vn/callforward',
      targetContacts: 'POST /v1/location/optin',
      getRentalStatus: 'GET /v1/location/status',
      sendRcs: 'POST /v1/rcs/send',
      addGroup: 'POST /v1/group/add',
      deleteGroup: 'POST /v1/group/delete',
      listGroups: 'GET /v1/group/list',
      addContact: 'POST /v1/contact/add',
      addBulkContacts: 'POST /v1/contact/add',
      updateContact: 'POST /v1/contact/update',
      deleteContact: 'POST /v1/contact/delete',
      listContacts: 'GET /v1/contact/list',
      getContact: 'GET /v1/contact/detail',
      createSubaccount: 'POST /v1/subaccount/create',
      removeSubaccount: 'DELETE /v1/subaccount/remove',
      listSubaccounts: 'GET /v1/subaccount/list',
      addSubaccountCredit: 'POST /v1/subaccount/credit/add',
      removeSubaccountCredit: 'POST /v1/subaccount/credit/remove',
    });
  });
});

interface Def {
  shape?: Record<string, unknown>;
  in?: unknown;
  innerType?: unknown;
}

/** The object shape under a schema (through pipes, optionals and checks). */
function shapeOf(schema: unknown): Record<string, unknown> {
  let current = schema;
  for (let depth = 0; depth < 10 && current; depth++) {
    const def = (current as { _zod?: { def?: Def } })._zod?.def;
    if (def?.shape) return def.shape;
    current = def?.in ?? def?.innerType;
  }
  return {};
}

/** The top-level fields of a request schema (through pipes and checks). */
function requestShape(endpoint: AnyEndpoint): Record<string, unknown> {
  return shapeOf(endpoint.request);
}

/** The schema of a field, top-level or nested, or undefined when the request has no such field. */
function fieldSchema(schema: unknown, path: readonly string[]): unknown {
  let current = schema;
  for (const segment of path) {
    const shape = shapeOf(current);
    if (!Object.hasOwn(shape, segment)) return undefined;
    current = shape[segment];
  }
  return current;
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

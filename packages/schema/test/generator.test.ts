/**
 * `pnpm gen endpoint` (turbo/generators/config.ts) in a scratch copy of the
 * repository's endpoint folders: it writes every file of a new endpoint, the
 * schema it writes compiles, and the registry gains the entry — left failing
 * only on the TODO(gen) marks a developer must fill in.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'gen-endpoint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('writes a new endpoint that compiles, registered in every compiler-checked list', () => {
  for (const path of [
    'turbo',
    'turbo.json',
    'package.json',
    'biome.json',
    '.gitignore',
    'tsconfig.base.json',
    'packages/schema/src',
    'packages/schema/test/registry.test.ts',
    'packages/schema/tsconfig.json',
    'packages/schema/package.json',
    'apps/mock-server/src/endpoints',
  ]) {
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(scratch, path), { recursive: true });
  }
  for (const dir of ['apps/mock-server/test/unit', 'packages/client/test/contract', '.changeset']) {
    mkdirSync(join(scratch, dir), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  symlinkSync(join(ROOT, 'packages/schema/node_modules'), join(scratch, 'packages/schema/node_modules'));

  execFileSync(
    join(ROOT, 'node_modules/.bin/gen'),
    ['run', 'endpoint', '--args', 'sms', 'getGeneratedThing', 'GET', '/v1/generated-thing'],
    { cwd: scratch, stdio: 'pipe' },
  );

  const read = (path: string) => readFileSync(join(scratch, path), 'utf8');
  for (const file of [
    'packages/schema/src/endpoints/sms/get-generated-thing/route.ts',
    'packages/schema/src/endpoints/sms/get-generated-thing/entry.ts',
    'apps/mock-server/src/endpoints/sms/get-generated-thing.ts',
    'apps/mock-server/test/unit/sms/get-generated-thing.test.ts',
    'packages/client/test/contract/sms/get-generated-thing.pact.test.ts',
    '.changeset/get-generated-thing.md',
  ]) {
    expect(existsSync(join(scratch, file)), file).toBe(true);
  }
  expect(read('packages/schema/src/endpoints/index.ts')).toMatch(/^ {2}getGeneratedThing,$/m);
  expect(read('packages/schema/src/endpoints/routes.ts')).toMatch(
    /^ {2}getGeneratedThing: getGeneratedThingRoute,$/m,
  );
  expect(read('apps/mock-server/src/endpoints/index.ts')).toContain(
    "export * from './sms/get-generated-thing.js';",
  );
  expect(read('packages/schema/test/registry.test.ts')).toContain(
    "getGeneratedThing: 'GET /v1/generated-thing',",
  );
  expect(read('packages/schema/src/endpoints/sms/get-generated-thing/route.ts')).toContain(
    "path: '/v1/generated-thing'",
  );

  // The schema package with the new endpoint type-checks.
  execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'packages/schema/tsconfig.json', '--noEmit'], {
    cwd: scratch,
    stdio: 'pipe',
  });
}, 60_000);

#!/usr/bin/env node
// What a published tarball must be, checked on the tarballs themselves (never
// on the workspace folders): `pnpm pack` of each package (its prepack builds
// it), then publint (strict), Are the Types Wrong? (ESM-only profile: the
// packages are ESM; `require()` of them is proven by the pack smoke test on
// Node's require(esm) instead), and the metadata well-kept libraries have.
//
//   node scripts/package-checks.mjs [--out <dir>]   pack into <dir> (default: a temp folder) and check
//
// scripts/pack-smoke.mjs runs the same checks before it installs the tarballs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The published packages, in dependency order. */
export const PACKAGES = ['packages/schema', 'packages/client', 'apps/mock-server'];

/** Dependencies a bundle must import rather than inline. */
const BUNDLE_EXTERNALS = { 'apps/mock-server': { 'dist/cli.bundle.js': ['express'] } };

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/** `pnpm pack` of every published package into `outDir` (prepack builds each). */
export function packAll(outDir) {
  mkdirSync(outDir, { recursive: true });
  return PACKAGES.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    const run = spawnSync('pnpm', ['pack', '--pack-destination', outDir], {
      cwd: join(ROOT, dir),
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      throw new Error(`pnpm pack failed in ${dir}:\n${run.stdout}\n${run.stderr}`);
    }
    const file = `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
    return { dir, name: manifest.name, tarball: join(outDir, file) };
  });
}

/** The file list and the packed package.json of a tarball. */
export function readTarball(tarball) {
  const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
  if (list.status !== 0) throw new Error(`cannot read ${tarball}: ${list.stderr}`);
  const files = list.stdout
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
  const read = (path) => {
    const out = spawnSync('tar', ['-xzOf', tarball, `package/${path}`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (out.status !== 0) throw new Error(`cannot read ${path} from ${tarball}`);
    return out.stdout;
  };
  return { files: new Set(files), manifest: JSON.parse(read('package.json')), read };
}

/** Every file an `exports` map (or `bin`) points to. */
function exportTargets(value, into = []) {
  if (typeof value === 'string') into.push(value.replace(/^\.\//, ''));
  else if (value && typeof value === 'object')
    for (const entry of Object.values(value)) exportTargets(entry, into);
  return into;
}

const isBuiltin = (specifier) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
const packageOf = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');

/**
 * The bare imports of the declaration files a consumer's compiler reads: the
 * exports' `types` files and every declaration they import, transitively.
 */
export function publicTypeImports(tarball) {
  const { files, manifest, read } = tarball;
  const start = [];
  const collectTypes = (value, key) => {
    if (typeof value === 'string') {
      if (key === 'types') start.push(value.replace(/^\.\//, ''));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) collectTypes(v, k);
    }
  };
  collectTypes(manifest.exports ?? {}, '');
  const seen = new Set();
  const bare = new Map();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop();
    if (!file || seen.has(file) || !files.has(file)) continue;
    seen.add(file);
    const text = read(file)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.d.ts');
        queue.push(target);
      } else if (!bare.has(specifier) && packageOf(specifier) !== manifest.name) {
        bare.set(specifier, file);
      }
    }
  }
  return { declarations: seen, bare };
}

/** Whether the installed package `name` (seen from the workspace package) carries its own types. */
function shipsTypes(packageDir, name) {
  try {
    const path = join(ROOT, packageDir, 'node_modules', name, 'package.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    return Boolean(
      manifest.types || manifest.typings || JSON.stringify(manifest.exports ?? {}).includes('"types"'),
    );
  } catch {
    return false;
  }
}

/**
 * Checks one packed package; returns `{name, ok, detail}` for each check.
 * `repositoryUrl` is the one every package must name.
 */
export function checkTarball({ dir, name, tarball }, repositoryUrl) {
  const results = [];
  const check = (title, ok, detail = '') => results.push({ name: `${name}: ${title}`, ok, detail });
  const packed = readTarball(tarball);
  const { files, manifest } = packed;

  // publint, strict: warnings fail too.
  const publint = spawnSync(bin('publint'), ['run', tarball, '--strict', '--level', 'warning'], {
    encoding: 'utf8',
  });
  check('publint --strict', publint.status === 0, `${publint.stdout}${publint.stderr}`.trim());

  // Are the Types Wrong?, ESM-only profile (node16 from ESM and bundler resolution).
  const attw = spawnSync(
    bin('attw'),
    [tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'ascii', '--no-color'],
    { encoding: 'utf8' },
  );
  check(
    'attw --profile esm-only',
    attw.status === 0,
    attw.status === 0 ? '' : `${attw.stdout}${attw.stderr}`,
  );

  for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
    check(`ships ${file}`, files.has(file));
  }
  const dead = (manifest.files ?? [])
    .filter((entry) => !entry.startsWith('!'))
    .filter((entry) => ![...files].some((file) => file === entry || file.startsWith(`${entry}/`)));
  check(
    'every `files` entry exists',
    dead.length === 0,
    dead.length ? `nothing packed for ${dead.join(', ')}` : '',
  );
  const missing = [...exportTargets(manifest.exports), ...exportTargets(manifest.bin)].filter(
    (target) => !files.has(target) && !target.endsWith('.ts'),
  );
  // Source-condition targets (.ts) are shipped as src/ but are not required to resolve.
  check('every exports and bin target is packed', missing.length === 0, missing.join(', '));

  const specs = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies });
  const unresolved = specs.filter(([, spec]) => /^(workspace|catalog):/.test(spec));
  check('no workspace: or catalog: specifier left', unresolved.length === 0, JSON.stringify(unresolved));
  const exact = Object.entries(manifest.dependencies ?? {}).filter(([, spec]) => !spec.startsWith('^'));
  check('runtime dependencies take caret ranges', exact.length === 0, JSON.stringify(exact));

  const repository = manifest.repository ?? {};
  check(
    'repository, homepage and bugs',
    repository.url === repositoryUrl &&
      repository.directory === dir &&
      typeof manifest.homepage === 'string' &&
      typeof manifest.bugs?.url === 'string',
    JSON.stringify({ repository, homepage: manifest.homepage, bugs: manifest.bugs }),
  );

  // The public types import only what a consumer gets typed: built-ins, and
  // dependencies (or optional peers) that ship their own types or whose @types is declared.
  const declared = { ...manifest.dependencies, ...manifest.peerDependencies };
  const { bare } = publicTypeImports(packed);
  const leaks = [...bare]
    .filter(([specifier]) => !isBuiltin(specifier))
    .filter(([specifier]) => {
      const pkg = packageOf(specifier);
      if (!(pkg in declared)) return true;
      return !shipsTypes(dir, pkg) && !(`@types/${pkg}` in declared);
    })
    .map(([specifier, file]) => `${specifier} (in ${file})`);
  check('public types import only typed, declared dependencies', leaks.length === 0, leaks.join(', '));
  const usesNodeTypes = [...bare.keys()].some(isBuiltin);
  check(
    'public types that use Node built-ins declare @types/node (optional peer)',
    !usesNodeTypes || '@types/node' in (manifest.peerDependencies ?? {}),
  );

  // The CLI bundle inlines the schema, zod and libphonenumber-js for start-up
  // time, and leaves Express to the dependency: Express is shipped one way.
  for (const [bundle, externals] of Object.entries(BUNDLE_EXTERNALS[dir] ?? {})) {
    const text = packed.read(bundle);
    const inlined = externals.filter((dep) => !new RegExp(`from\\s*"${dep}"`).test(text));
    check(
      `${bundle} loads ${externals.join(', ')} from node_modules`,
      inlined.length === 0 && externals.every((dep) => dep in (manifest.dependencies ?? {})),
      inlined.length ? `inlined: ${inlined.join(', ')}` : '',
    );
    check(
      `${bundle} ships the licences of what it inlines`,
      files.has(bundle.replace(/\.js$/, '.licenses.txt')),
    );
  }
  return results;
}

/** Prints results the way both scripts do; returns the number of failures. */
export function report(results, write = (line) => process.stdout.write(`${line}\n`)) {
  let failed = 0;
  for (const result of results) {
    write(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name}`);
    if (!result.ok) {
      failed++;
      if (result.detail) write(result.detail.replace(/^/gm, '       '));
    }
  }
  return failed;
}

export function rootRepositoryUrl() {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).repository.url;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ?? mkdtempSync(join(tmpdir(), 'smspartner-packs-'));
  const packs = packAll(out);
  const url = rootRepositoryUrl();
  const failed = report(packs.flatMap((pack) => checkTarball(pack, url)));
  process.stdout.write(
    `package checks: ${failed === 0 ? 'all passed' : `${failed} failed`} (tarballs in ${out})\n`,
  );
  process.exit(failed === 0 ? 0 : 1);
}

#!/usr/bin/env node
// A package's `prepack`: what `pnpm pack` and `pnpm publish` (so `changeset
// publish`) run in the package's folder before they read its files. Builds the
// package and the workspace packages it depends on (turbo; a cache hit restores
// the outputs), after removing its dist/ so that the tarball holds exactly one
// build and no file an earlier layout left there.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name } = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('dist', { recursive: true, force: true });
const turbo = join(root, 'node_modules', '.bin', 'turbo');
const run = spawnSync(turbo, ['run', 'build', `--filter=${name}...`, '--output-logs=errors-only'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (run.status !== 0) {
  process.stderr.write(`prepack: building ${name} failed; nothing is packed\n`);
  process.exit(run.status ?? 1);
}

#!/usr/bin/env node
// One entry point that makes a fresh clone runnable: pnpm (the version pinned in
// package.json's packageManager), the workspace's packages (Node 24 included,
// through the `node` devDependency), and with --browser a headless Chromium
// from Debian for the browser tests. Runs on any Node >= 18; changes nothing
// when everything is already in place.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantBrowser = process.argv.includes('--browser');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

const say = (line) => process.stderr.write(`[setup] ${line}\n`);
const has = (command, args = ['--version']) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    say(`failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
};

// 1. pnpm: the global one when it is the pinned major, else install it (npm's
//    global prefix; corepack is not used: its signature check fails here).
function pnpmCommand() {
  const local = join(root, 'node_modules', '.bin', 'pnpm');
  for (const candidate of ['pnpm', local]) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim().split('.')[0] === pnpmVersion.split('.')[0])
      return [candidate];
  }
  say(`pnpm ${pnpmVersion} not found: installing it with npm`);
  const global = spawnSync('npm', ['install', '-g', `pnpm@${pnpmVersion}`], { stdio: 'inherit' });
  if (global.status === 0 && has('pnpm')) return ['pnpm'];
  say('global install not possible: running pnpm through npx instead');
  return ['npx', '--yes', `pnpm@${pnpmVersion}`];
}

// 2. The workspace: install unless node_modules already matches the lockfile.
function installed() {
  const lock = join(root, 'pnpm-lock.yaml');
  const copy = join(root, 'node_modules', '.pnpm', 'lock.yaml');
  const node = join(root, 'node_modules', '.bin', 'node');
  if (!existsSync(copy) || !existsSync(node)) return false;
  const strip = (text) => text.replace(/\s+$/, '');
  return strip(readFileSync(lock, 'utf8')) === strip(readFileSync(copy, 'utf8'));
}

if (!installed()) {
  const [command, ...prefix] = pnpmCommand();
  run(command, [...prefix, 'install', '--frozen-lockfile']);
} else if (!has('pnpm') && !existsSync(join(root, 'node_modules', '.bin', 'pnpm'))) {
  // turbo runs each package's script with pnpm, so pnpm must be on PATH.
  pnpmCommand();
}

// 3. Chromium for the browser tests: Debian's package, never a downloaded browser.
if (wantBrowser) {
  const found = ['chromium', 'chromium-browser'].find((name) => has(name));
  if (found) process.exit(0);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get', ['--version'])) {
    say('installing Debian chromium for the browser tests');
    run('apt-get', ['update', '-qq'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    say(
      'Chromium is missing: install it (Debian/Ubuntu: sudo apt-get install chromium) to run the browser tests,',
    );
    say('or set CHROMIUM_PATH to a Chromium binary.');
    if (!process.env.CHROMIUM_PATH) process.exit(1);
  }
}

#!/usr/bin/env node
// The opt-in Pact Broker steps of a release, through the official Pact CLI
// (@pact-foundation/pact-cli, `pact-broker`):
//
//   node scripts/pact-broker.mjs publish        publish contracts/*.json as the consumer version <git sha>, branch <branch>
//   node scripts/pact-broker.mjs can-i-deploy   ask whether the client and the mock at <git sha> may be released together
//
// The broker comes from PACT_BROKER_BASE_URL and its credentials from
// PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD (the CLI
// reads them from the environment; they are never put on a command line). The
// version is GIT_COMMIT or GITHUB_SHA or `git rev-parse HEAD`; the branch is
// GIT_BRANCH or GITHUB_HEAD_REF or GITHUB_REF_NAME or the checked-out branch.
// The mock's verification results are published by its provider test when
// PACT_PUBLISH_VERIFICATION=1 (apps/mock-server/test/contract/verify.test.ts).
// Without PACT_BROKER_BASE_URL, nothing here runs: broker-less is the default.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTRACTS = join(ROOT, 'contracts');

const git = (...args) => {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
};

/** The version and branch every broker step names: the commit being released. */
export function versionInfo(env = process.env) {
  const sha = env.GIT_COMMIT || env.GITHUB_SHA || git('rev-parse', 'HEAD');
  const branch =
    env.GIT_BRANCH || env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || git('rev-parse', '--abbrev-ref', 'HEAD');
  if (!sha) throw new Error('no version: set GIT_COMMIT or run inside the git repository');
  if (!branch || branch === 'HEAD') throw new Error('no branch: set GIT_BRANCH (a detached HEAD has none)');
  const buildUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return { sha, branch, buildUrl };
}

/** Consumer and provider names, from the pact files themselves. */
export function pacticipants(dir = CONTRACTS) {
  const pairs = new Set();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
    const pact = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    pairs.add(JSON.stringify([pact.consumer.name, pact.provider.name]));
  }
  return [...pairs].map((pair) => JSON.parse(pair));
}

/** The `pact-broker` arguments of a step. */
export function brokerArgs(step, { sha, branch, buildUrl }, pairs, dir = CONTRACTS) {
  if (step === 'publish') {
    return [
      'publish',
      dir,
      '--consumer-app-version',
      sha,
      '--branch',
      branch,
      ...(buildUrl ? ['--build-url', buildUrl] : []),
    ];
  }
  if (step === 'can-i-deploy') {
    // The exact versions released together: this commit's client pacts, verified by this commit's mock.
    const names = [...new Set(pairs.flat())];
    return [
      'can-i-deploy',
      ...names.flatMap((name) => ['--pacticipant', name, '--version', sha]),
      '--retry-while-unknown',
      '6',
      '--retry-interval',
      '10',
    ];
  }
  throw new Error(`unknown step ${step}: publish or can-i-deploy`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const step = process.argv[2] ?? '';
  if (!process.env.PACT_BROKER_BASE_URL) {
    process.stdout.write(
      'pact broker: PACT_BROKER_BASE_URL is not set; broker steps skipped (broker-less is the default)\n',
    );
    process.exit(0);
  }
  const args = brokerArgs(step, versionInfo(), pacticipants());
  process.stdout.write(`pact broker: pact-broker ${args.join(' ')}\n`);
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'pact-broker'), args, {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

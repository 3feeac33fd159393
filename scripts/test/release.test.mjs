import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { releasePlan, runPlan } from '../release.mjs';

const exiting = (name, code, marker) => ({
  name,
  command: process.execPath,
  args: [
    '-e',
    `${marker ? `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');` : ''}process.exit(${code})`,
  ],
});

describe('pnpm release', () => {
  test('runs the gates in order and publishes last', () => {
    expect(releasePlan({ env: {} }).map((step) => step.name)).toEqual([
      'build',
      'typecheck',
      'lint',
      'lint: workflows (actionlint)',
      'test',
      'test:contract',
      'test:scripts',
      'contract drift check',
      'package checks (publint, attw)',
      'pack smoke test',
      'changeset publish',
    ]);
  });

  test('with PACT_BROKER_BASE_URL: publish the pacts, verify with results, can-i-deploy, after the drift check', () => {
    const plan = releasePlan({
      env: { PACT_BROKER_BASE_URL: 'http://127.0.0.1:9', GIT_COMMIT: 'abc123', GIT_BRANCH: 'main' },
    });
    const names = plan.map((step) => step.name);
    const drift = names.indexOf('contract drift check');
    expect(names.slice(drift + 1, drift + 4)).toEqual([
      'pact broker: publish the pacts',
      'pact broker: verify the mock against the published pacts and publish the results',
      'pact broker: can-i-deploy',
    ]);
    expect(plan[drift + 2]?.env).toEqual({
      PACT_PUBLISH_VERIFICATION: '1',
      GIT_COMMIT: 'abc123',
      GIT_BRANCH: 'main',
    });
    expect(names.at(-1)).toBe('changeset publish');
  });

  test('a failing gate stops the release: no later step runs, nothing is published', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'release-test-')), 'published');
    const lines = [];
    const outcome = runPlan(
      [exiting('build', 0), exiting('contract drift check', 1), exiting('changeset publish', 0, marker)],
      { log: (line) => lines.push(line) },
    );
    expect(outcome).toEqual({
      ok: false,
      failed: 'contract drift check',
      ran: ['build', 'contract drift check'],
    });
    expect(existsSync(marker)).toBe(false);
    expect(lines.at(-1)).toMatch(/refused at "contract drift check" \(exit 1, .*\): nothing was published/);
  });

  test('--dry-run runs every gate and ends by saying what would be published, without publishing', () => {
    const last = releasePlan({ env: {}, dryRun: true }).at(-1);
    expect(last).toEqual({ name: 'publish (dry run: nothing is published)', dryRun: true });
    const lines = [];
    const outcome = runPlan([exiting('build', 0), last], { log: (line) => lines.push(line) });
    expect(outcome.ok).toBe(true);
    expect(lines.join('\n')).toMatch(/would publish @smspartner-kit\/mock-server@\d+\.\d+\.\d+/);
    expect(lines.join('\n')).toContain('`changeset publish` not run');
  });
});

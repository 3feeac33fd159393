// Lints an OpenAPI document with @redocly/cli (a pinned devDependency) and its
// recommended rules; the mock's tests lint the document it serves with it too.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The CLI's own script, run by this Node (its bin wrapper would take whatever `node` is on PATH). */
const REDOCLY = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

/** Runs `@redocly/cli lint` (pinned devDependency, no network: telemetry and update checks off) on a document. */
export async function redoclyLint(
  document: unknown,
): Promise<{ errors: number; warnings: number; output: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NO_COLOR: '1',
  };
  const run = await promisify(execFile)(process.execPath, [REDOCLY, 'lint', file, '--format=stylish'], {
    env,
  }).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: error.stdout ?? '',
    stderr: error.stderr ?? '',
  }));
  const output = `${run.stdout}\n${run.stderr}`;
  const count = (kind: string) => Number(new RegExp(`(\\d+) ${kind}`).exec(output)?.[1] ?? 0);
  return {
    errors: count('errors?'),
    warnings: count('warnings?'),
    output,
  };
}

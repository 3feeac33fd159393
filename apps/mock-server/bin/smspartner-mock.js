#!/usr/bin/env node
// Thin launcher: the CLI, bundled at build time into one file for a fast start (scripts/bundle-cli.mjs).
await import('../dist/cli.bundle.js');

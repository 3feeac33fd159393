// Bundles the built CLI (dist/cli.js) and everything it imports into one file,
// dist/cli.bundle.js, which the `smspartner-mock` bin runs: resolving and
// loading express, zod and libphonenumber-js module by module is most of the
// start-up time, and one pre-linked file starts in about half of it.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/http/cli.js', import.meta.url).pathname],
  outfile: new URL('../dist/cli.bundle.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  keepNames: true,
  legalComments: 'linked',
  // Express and its dependencies are CommonJS and call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __smspartnerRequire } from 'node:module'; const require = __smspartnerRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

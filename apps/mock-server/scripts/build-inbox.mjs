// Builds the inbox page (GET / on the mock) into dist/inbox/: the page, one
// script and one stylesheet, minified, with nothing fetched at run time (no
// CDN, no runtime build). The server reads them from there once.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const source = (path) => new URL(`../inbox/${path}`, import.meta.url).pathname;
const out = new URL('../dist/inbox/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [source('src/main.ts')],
  outfile: `${out}inbox.js`,
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
await build({
  entryPoints: [source('inbox.css')],
  outfile: `${out}inbox.css`,
  bundle: true,
  minify: true,
  // color-mix() and nesting stay as written: every browser the inbox targets has them.
  target: ['chrome120', 'firefox120', 'safari17'],
  logLevel: 'warning',
});
// The page as written, without its indentation.
writeFileSync(
  `${out}index.html`,
  readFileSync(source('index.html'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n'),
);

// Bundles the built CLI (dist/http/cli.js) with the schema, zod and
// libphonenumber-js into one file, dist/cli.bundle.js, which the
// `smspartner-mock` bin runs: loading those module by module is most of the
// start-up time, and one pre-linked file starts in about half of it.
//
// Express stays out of the bundle: it is a dependency, loaded from
// node_modules by the bundle and by the library entry alike, so the package
// ships it one way only (inlined, it and its dependencies were 800 KB of the
// 1 MB bundle, for little of the start-up time).
//
// The licences of what is inlined go next to the bundle, in
// dist/cli.bundle.licenses.txt (MIT asks for the notice to travel with copies).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url).pathname;
const result = await build({
  entryPoints: [join(dist, 'http/cli.js')],
  outfile: join(dist, 'cli.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  keepNames: true,
  legalComments: 'none',
  external: ['express'],
  metafile: true,
  logLevel: 'warning',
});

/** The package.json directory above a bundled input, for every input under node_modules. */
function packageDirOf(input) {
  const marker = 'node_modules/';
  const at = input.lastIndexOf(marker);
  if (at === -1) return undefined;
  const rest = input.slice(at + marker.length).split('/');
  const name = rest[0]?.startsWith('@') ? rest.slice(0, 2).join('/') : rest[0];
  return join(process.cwd(), input.slice(0, at + marker.length), name);
}

const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const dir = packageDirOf(input);
  if (!dir || packages.has(dir)) continue;
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const licenseFile = readdirSync(dir).find((name) => /^licen[cs]e(\.md|\.txt)?$/i.test(name));
  if (!licenseFile) throw new Error(`${manifest.name}: no licence file to ship with the bundle`);
  packages.set(dir, {
    title: `${manifest.name}@${manifest.version} (${manifest.license})`,
    text: readFileSync(join(dir, licenseFile), 'utf8').trim(),
  });
}
const notices = [...packages.values()].sort((a, b) => a.title.localeCompare(b.title));
writeFileSync(
  join(dist, 'cli.bundle.licenses.txt'),
  `dist/cli.bundle.js inlines these packages; their licences follow.\n\n${notices
    .map((notice) => `## ${notice.title}\n\n${notice.text}\n`)
    .join('\n')}`,
);

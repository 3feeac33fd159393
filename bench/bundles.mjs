// Browser bundle sizes (min+gz), shared by bench/run.mjs and bench/size-budget.mjs.
// Bundles what users get: the built `dist/` of @smspartner-kit/client (its
// `default` export condition), with the ky and zod the workspace packages
// themselves resolve. Needs `pnpm build` to have run.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT_DIR = join(ROOT, 'packages/client');
const SCHEMA_DIR = join(ROOT, 'packages/schema');

/** 1 KB = 1000 bytes, everywhere in bench/. */
export const KB = 1000;

/** Targets in min+gz bytes: what the bundles should weigh. Printed by bench/run.mjs and bench/size-budget.mjs. */
export const BUDGETS = { cancelOnly: 15 * KB, wholeClient: 25 * KB };

/**
 * The budgets bench/size-budget.mjs enforces (exits 1 over them): the sizes
 * reached, rounded up to the next 0.5 KB, so CI catches regressions today.
 * Lower them towards {@link BUDGETS} as the bundles shrink.
 */
// The whole client carries every route's response schema and code catalogue (its methods come
// from the registry): 21.4 KB with the first six endpoints, 26.6 KB with the twenty-six of
// contacts, sub-accounts, verification, call forwarding, rental and RCS and their normalisers,
// 28.0 KB with the eight status and STOP-list endpoints and the status normalisers (the
// webhook parsers are the /webhooks entry, not in this bundle).
// An app that imports one route (the cancel-only bundle) does not grow with the registry.
export const CI_BUDGETS = { cancelOnly: 17 * KB, wholeClient: 28.5 * KB };

/**
 * The apps bundled. Each is an ES module entry; what it exports is what a user
 * app would use, so tree shaking keeps exactly that.
 */
export const APPS = {
  cancelOnly: {
    label: 'client: createTransport + cancel route',
    source: [
      "export { createTransport } from '@smspartner-kit/client';",
      "export { cancelSmsRoute } from '@smspartner-kit/schema';",
    ].join('\n'),
  },
  wholeClient: {
    label: 'client: every export',
    source: "export * from '@smspartner-kit/client';",
  },
  clientWithEstimator: {
    label: 'client + /estimate (not budgeted)',
    source: "export * from '@smspartner-kit/client'; export * from '@smspartner-kit/client/estimate';",
  },
  ky: {
    label: 'ky alone (reference)',
    source: "export { default } from 'ky';",
  },
  kyZodMini: {
    label: 'ky + zod/mini object+safeParse (ref)',
    source: [
      "import ky from 'ky';",
      "import * as z from 'zod/mini';",
      'const body = z.object({ success: z.boolean(), code: z.number(), message: z.string() });',
      'export const get = async (url) => body.safeParse(await ky(url).json());',
    ].join('\n'),
  },
  kyZodMiniAll: {
    label: 'ky + all of zod/mini (reference)',
    source: "export { default as ky } from 'ky'; export * as z from 'zod/mini';",
  },
};

/** Bare imports of the entries resolve from the workspace package that depends on them. */
const RESOLVE_FROM = [
  [/^@smspartner-kit\/client(\/.*)?$/, CLIENT_DIR],
  [/^@smspartner-kit\/schema$/, CLIENT_DIR],
  [/^ky$/, CLIENT_DIR],
  [/^zod(\/.*)?$/, SCHEMA_DIR],
];

const workspaceResolver = {
  name: 'bench-workspace-resolver',
  setup(build) {
    build.onResolve({ filter: /^(@smspartner-kit\/(client(\/.*)?|schema)|ky|zod(\/.*)?)$/ }, async (args) => {
      // Only the entry (stdin, resolved from the repository root); built files resolve as usual.
      if (args.resolveDir !== ROOT) return undefined;
      const dir = RESOLVE_FROM.find(([pattern]) => pattern.test(args.path))[1];
      const result = await build.resolve(args.path, { kind: args.kind, resolveDir: dir });
      if (result.errors.length > 0) return { errors: result.errors };
      return { path: result.path };
    });
  },
};

/** The settings of every bundle measured. */
export const ESBUILD_OPTIONS = {
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'esm',
  minify: true,
  treeShaking: true,
  metafile: true,
  logLevel: 'silent',
};

export function assertBuilt() {
  for (const dir of [CLIENT_DIR, SCHEMA_DIR]) {
    if (!existsSync(join(dir, 'dist/index.js'))) {
      throw new Error(`${join(dir, 'dist/index.js')} is missing: run \`pnpm build\` first`);
    }
  }
}

/**
 * Bundles one app and measures it.
 * @returns {Promise<{name: string, label: string, minBytes: number, gzBytes: number, top: {input: string, bytes: number}[]}>}
 *   `top`: the inputs that weigh most in the minified output (for findings).
 */
export async function measureBundle(name) {
  const app = APPS[name];
  if (!app) throw new Error(`unknown bundle ${name}`);
  const result = await esbuild.build({
    ...ESBUILD_OPTIONS,
    stdin: { contents: app.source, resolveDir: ROOT, loader: 'js', sourcefile: `${name}.js` },
    plugins: [workspaceResolver],
  });
  const code = result.outputFiles[0].contents;
  const output = Object.values(result.metafile.outputs)[0];
  const top = Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({
      input: input.replace(/^.*node_modules\//, ''),
      bytes: bytesInOutput,
    }))
    .filter((entry) => entry.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return {
    name,
    label: app.label,
    minBytes: code.length,
    gzBytes: gzipSync(code, { level: 9 }).length,
    top,
  };
}

/** Bundles several apps (in parallel: esbuild runs them on its own threads). */
export async function measureBundles(names = Object.keys(APPS)) {
  assertBuilt();
  return Promise.all(names.map((name) => measureBundle(name)));
}

import { defineConfig } from 'vitest/config';
import { preset } from '../../vitest.preset.ts';

const shared = preset('client');

/**
 * Three projects, one per kind of test:
 * - `unit`: fast tests through an injected `fetch`, plus type tests (`*.test-d.ts`).
 * - `browser`: the client inside a real browser (playwright-core), written separately.
 * - `contract`: Pact consumer tests that write `contracts/*.json`, written separately.
 *
 * Projects inherit the root options (`extends: true`): the preset's resolve
 * conditions, so the schema package's TypeScript sources are used, and
 * `restoreMocks`. Reporters and `passWithNoTests` are root-only options.
 */
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    // `pnpm test` runs `unit` and `browser`; until the browser suite exists, an
    // empty project must not fail the run (same for `test:contract`).
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          typecheck: {
            enabled: true,
            include: ['test/unit/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.pact.test.ts'],
          testTimeout: 30_000,
          // Clear contracts/ once, then write it again; files run one at a time, as they share one pact file.
          globalSetup: ['test/contract/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';
import { preset } from '../../vitest.preset.ts';

const base = preset('mock-server');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // Headless Debian Chromium (playwright-core): the inbox page, and the MSW entry in a service worker.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // The README's globalSetup recipe: one mock for the whole run, its URL given to each file.
        test: {
          name: 'testing',
          include: ['test/testing/**/*.test.ts'],
          globalSetup: ['test/testing/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'robustness',
          include: ['test/robustness/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});

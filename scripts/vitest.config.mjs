// The tests of the repository's own scripts (release, fidelity, broker, workflow lint).
import { defineConfig } from 'vitest/config';
import { preset } from '../vitest.preset.ts';

const base = preset('scripts');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    root: new URL('.', import.meta.url).pathname,
    include: ['test/**/*.test.mjs'],
    testTimeout: 60_000,
  },
});

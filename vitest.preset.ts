import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Shared vitest settings: packages resolve each other's TypeScript sources
 * (the `@smspartner-kit/source` export condition), and every run also writes a
 * JSON report under reports/, which `.ci/run` adds up into one
 * "N passed, N failed" line.
 */
export function preset(packageName: string): ViteUserConfig {
  const task = (process.env.npm_lifecycle_event ?? 'test').replace(/[^\w-]/g, '-');
  return {
    resolve: { conditions: ['@smspartner-kit/source'] },
    ssr: { resolve: { conditions: ['@smspartner-kit/source'] } },
    test: {
      restoreMocks: true,
      reporters: ['default', ['json', { outputFile: `${root}reports/${packageName}--${task}.json` }]],
    },
  };
}

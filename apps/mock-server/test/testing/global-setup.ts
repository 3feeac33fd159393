// The README's vitest globalSetup recipe, as this package's own `testing`
// project runs it: one mock for the whole run, its URL handed to every test file.
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../../src/testing/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    smsPartnerMockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServer({ port: 0 });
  project.provide('smsPartnerMockUrl', mock.url);
  return () => mock.close();
}

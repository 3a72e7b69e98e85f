import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': import.meta.dirname,
  'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
};

/**
 * Unit tests whose modules keep state between calls (the sign-in throttle, say), so they need modules
 * of their own: the `unit-isolated` project runs them that way.
 */
const ownModules = ['server/auth/**/*.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'dev/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**', ...ownModules],
          // Pure functions: the files share their workers' modules, which takes the run from about
          // 50 s to 10 s here (a fresh module graph per file costs more than the tests themselves).
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'unit-isolated',
          environment: 'node',
          include: ownModules,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['server/**/*.int.test.ts', 'dev/**/*.int.test.ts'],
          globalSetup: ['test/kafka-global-setup.ts'],
          testTimeout: 60_000,
          env: { KAFKASCOPE_LOG_LEVEL: 'error' },
          hookTimeout: 120_000,
          // Tests share one real cluster; files run one at a time so timings stay predictable on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});

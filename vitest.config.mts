import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': import.meta.dirname,
  'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
};

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
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
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

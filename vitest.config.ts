import { defineConfig } from 'vitest/config';

// solc takes a while to load and is large: run the suites in one worker without isolation, so it loads once.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    isolate: false,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

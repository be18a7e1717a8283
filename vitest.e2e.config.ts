import { defineConfig } from 'vitest/config';

/** Browser tests: one build of both editions, served on localhost, driven by Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: one browser per test file, two files at a time.
    maxWorkers: 2,
  },
});

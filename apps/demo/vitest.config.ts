import { defineConfig } from 'vitest/config';

/**
 * Node tests: the MNIST subset format, and the end-to-end test that serves the built site
 * (`vite build` runs first, see the `test` script) and drives Debian's Chromium through it.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});

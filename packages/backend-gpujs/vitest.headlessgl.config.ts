import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../tooling/vitest.shared.ts';

/** GPU tests in Node on headless-gl (the optional peer `gl`, Mesa): run under `xvfb-run`. */
export default defineConfig({
  ...vitestConfig,
  test: {
    include: ['src/**/*.headlessgl.test.ts'],
    testTimeout: 120_000,
    // One process: a GL context per worker costs memory and gains nothing on 2 cores.
    pool: 'forks',
    fileParallelism: false,
  },
});

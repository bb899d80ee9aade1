import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../tooling/vitest.shared.ts';

/** CPU vs gpu.js kernels in Node on headless-gl (Mesa): run under `xvfb-run` (`pnpm test:headlessgl`). */
export default defineConfig({
  ...vitestConfig,
  test: {
    include: ['src/**/*.headlessgl.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

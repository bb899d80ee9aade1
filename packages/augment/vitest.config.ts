import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../tooling/vitest.shared.ts';

/** Fast tests in Node on the CPU backend; the gpu.js comparison runs under `test:headlessgl`. */
export default defineConfig({
  ...vitestConfig,
  test: {
    ...vitestConfig.test,
    exclude: ['src/**/*.headlessgl.test.ts', '**/node_modules/**'],
  },
});

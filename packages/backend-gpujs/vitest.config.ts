import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../tooling/vitest.shared.ts';

/** Fast tests in Node without a GPU: code generation, encodings, options and errors. */
export default defineConfig({
  ...vitestConfig,
  test: {
    ...vitestConfig.test,
    exclude: ['src/**/*.browser.test.ts', 'src/**/*.headlessgl.test.ts', '**/node_modules/**'],
  },
});

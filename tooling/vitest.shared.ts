import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));

/** Tests run on source: every `@descent/x` import resolves to `packages/x/src/index.ts`. */
export const vitestConfig = defineConfig({
  resolve: {
    alias: [{ find: /^@descent\/([a-z0-9-]+)$/, replacement: `${packages}$1/src/index.ts` }],
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));

/** Tests run on source: every `@descent/x` import resolves to `packages/x/src/index.ts`. */
export const vitestConfig = defineConfig({
  resolve: {
    alias: [
      { find: /^@descent\/([a-z0-9-]+)$/, replacement: `${packages}$1/src/index.ts` },
      // Subpath entries (`@descent/backend-cpu/node`) are `src/<entry>.ts`.
      { find: /^@descent\/([a-z0-9-]+)\/([a-z0-9-]+)$/, replacement: `${packages}$1/src/$2.ts` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts'],
    // CI runs every package's tests at once on 2 cores: a training test that takes 2 s alone can
    // take 10 s there. Timeouts catch hangs, not slowness (speed lives in bench/).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

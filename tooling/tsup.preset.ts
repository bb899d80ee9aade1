import { defineConfig } from 'tsup';

/** The one build every package shares: ESM + .d.ts from src/index.ts. */
export const preset = defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  // Keep `node:` specifiers so browser bundlers see Node built-ins as such (lazy fs imports in layers/data).
  removeNodeProtocol: false,
});

import { defineConfig } from 'tsup';
import { preset } from '../../tooling/tsup.preset.ts';

// Two entry points: `@descent/augment`, and `@descent/augment/gpujs` with the gpu.js kernels.
export default defineConfig({ ...preset, entry: ['src/index.ts', 'src/gpujs.ts'] });

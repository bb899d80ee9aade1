import { defineConfig } from 'tsup';
import { preset } from '../../tooling/tsup.preset.ts';

// Two entry points: `@descent/backend-cpu`, and `@descent/backend-cpu/node` with GEMM threads.
export default defineConfig({ ...preset, entry: ['src/index.ts', 'src/node.ts'] });

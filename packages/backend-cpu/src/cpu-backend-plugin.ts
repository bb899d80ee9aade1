import type { Plugin } from '@descent/core';
import { CpuBackend, type CpuBackendOptions } from './cpu-backend';
import { cpuFusedKernels } from './cpu-fused-kernels';
import { cpuKernels } from './cpu-kernels';
import { cpuReferenceKernels } from './cpu-reference-kernels';

/** The version of this package, reported by `rt.plugins()`. */
const VERSION = '0.0.0';

/**
 * The plugin that installs the CPU backend (as `'cpu'`, priority 1) and its kernels.
 *
 * @example
 * import { createRuntime, matmul } from '@descent/core';
 * import { cpuBackend } from '@descent/backend-cpu';
 * const rt = createRuntime({ plugins: [cpuBackend()] });
 * const y = matmul(rt.tensor([[1, 2]]), rt.tensor([[3], [4]]));
 * y.dataSync(); // Float32Array [11]
 *
 * // A float64 reference runtime, e.g. for gradCheck:
 * const rt64 = createRuntime({ plugins: [cpuBackend({ precision: 'float64' })] });
 *
 * // The JS GEMM instead of WebAssembly SIMD, or the plain reference loops:
 * const js = createRuntime({ plugins: [cpuBackend({ kernels: 'js' })] });
 * const slow = createRuntime({ plugins: [cpuBackend({ kernels: 'reference' })] });
 */
export function cpuBackend(options: CpuBackendOptions = {}): Plugin {
  return {
    name: '@descent/backend-cpu',
    version: VERSION,
    install(ctx) {
      ctx.registerBackend('cpu', {
        packageName: '@descent/backend-cpu',
        priority: 1,
        create: () => new CpuBackend(options),
      });
      if (options.kernels === 'reference') ctx.registerKernels(cpuReferenceKernels);
      else {
        ctx.registerKernels(cpuKernels);
        ctx.registerFusedKernels(cpuFusedKernels);
      }
    },
  };
}

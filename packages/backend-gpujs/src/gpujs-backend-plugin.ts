import type { Plugin } from '@descent/core';
import { GpujsBackend, type GpujsBackendOptions } from './gpujs-backend';
import { gpujsKernels } from './gpujs-kernels';

/** The version of this package, reported by `rt.plugins()`. */
const VERSION = '0.0.0';

/**
 * The plugin that installs the gpu.js backend (as `'gpujs'`, priority 2: it becomes the default
 * over the CPU backend when both are installed) and its kernels. The GPU context is opened when
 * the runtime first uses the backend; an unavailable mode throws `GpuContextError` then.
 *
 * @example
 * import { createRuntime, matmul } from '@descent/core';
 * import { cpuBackend } from '@descent/backend-cpu';
 * import { gpujsBackend } from '@descent/backend-gpujs';
 *
 * // The one line that chooses where an app computes:
 * const rt = createRuntime({ plugins: [cpuBackend(), gpujsBackend({ mode: 'webgl2' })], backend: 'gpujs' });
 * const y = matmul(rt.tensor([[1, 2]]), rt.tensor([[3], [4]]));
 * await y.data(); // Float32Array [11]
 */
export function gpujsBackend(options: GpujsBackendOptions = {}): Plugin {
  return {
    name: '@descent/backend-gpujs',
    version: VERSION,
    install(ctx) {
      ctx.registerBackend('gpujs', {
        packageName: '@descent/backend-gpujs',
        priority: 2,
        create: () => new GpujsBackend(options),
      });
      ctx.registerKernels(gpujsKernels);
    },
  };
}

import type { CpuBackend } from '@descent/backend-cpu';
import type { Kernel, KernelFn } from '@descent/core';

/**
 * Declares a kernel for the CPU backend, like `cpuKernel` of `@descent/backend-cpu`, but
 * importing that package for its types only: this package does not depend on any backend, so
 * an app on gpu.js alone does not load the CPU backend.
 */
export function cpuKernel<A>(op: string, fn: KernelFn<A, CpuBackend>): Kernel<A, CpuBackend> {
  return { op, backend: 'cpu', fn };
}

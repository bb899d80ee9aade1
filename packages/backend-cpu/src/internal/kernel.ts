import type { Kernel, KernelFn } from '@descent/core';
import type { CpuBackend } from '../cpu-backend';

/** A kernel of the CPU backend, its attributes typed. */
export type CpuKernel<A = Record<string, never>> = Kernel<A, CpuBackend>;

/**
 * Declares the CPU kernel of `op`: `fn` reads inputs with `backend.values(info)` and returns
 * `backend.make(out.shape, out.dtype, values)`, never an input's handle.
 *
 * @example
 * const fastAdd = cpuKernel('add', ({ inputs: [a, b], backend, out }) => {
 *   const [x, y] = [backend.values(a!), backend.values(b!)];
 *   return backend.make(out.shape, out.dtype, Float32Array.from(x, (v, i) => v + y[i]!));
 * });
 * rt.use({ name: 'fast-add', version: '1.0.0', install: (ctx) => ctx.registerKernels([fastAdd], { replace: true }) });
 */
export function cpuKernel<A = Record<string, never>>(op: string, fn: KernelFn<A, CpuBackend>): CpuKernel<A> {
  return { op, backend: 'cpu', fn };
}

import type { Kernel, KernelFn } from '@descent/core';
import type { GpujsBackend } from '../gpujs-backend';

/** A kernel of the gpujs backend, its attributes typed. */
export type GpujsKernel<A = Record<string, never>> = Kernel<A, GpujsBackend>;

/**
 * Declares the gpujs kernel of `op`: `fn` builds a `GpujsProgram` for the inputs' shapes and
 * returns `backend.run(program, out.shape, out.dtype)`.
 *
 * @example
 * const double = gpujsKernel('myDouble', ({ inputs: [x], backend, out }) =>
 *   backend.run({ body: 'return x0[o] * 2.0;', inputs: [x!] }, out.shape, out.dtype),
 * );
 */
export function gpujsKernel<A = Record<string, never>>(
  op: string,
  fn: KernelFn<A, GpujsBackend>,
): GpujsKernel<A> {
  return { op, backend: 'gpujs', fn };
}

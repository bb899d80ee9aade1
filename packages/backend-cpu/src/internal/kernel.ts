import type { FusedKernel, Kernel, KernelFn } from '@descent/core';
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

/** A fused kernel of the CPU backend, its attributes typed. */
export type CpuFusedKernel<A = Record<string, never>> = FusedKernel<A, CpuBackend>;

/**
 * Declares the CPU kernel of a fused op (`defineFusedOp`): one pass that returns a new handle
 * per output, agreeing with the op's composite within float32 rounding.
 *
 * @example
 * const axpby = cpuFusedKernel<{ a: number; b: number }>('axpby', ({ inputs: [x, y], attrs, backend, outs }) => {
 *   const [xs, ys] = [backend.values(x!), backend.values(y!)];
 *   const o = backend.makeForOverwrite(outs[0]!.shape, 'float32');
 *   const ov = backend.values(o);
 *   for (let i = 0; i < ov.length; i++) ov[i] = attrs.a * xs[i]! + attrs.b * ys[i]!;
 *   return [o];
 * });
 */
export function cpuFusedKernel<A = Record<string, never>>(
  op: string,
  fn: FusedKernel<A, CpuBackend>['fn'],
): CpuFusedKernel<A> {
  return { op, backend: 'cpu', fused: true, fn };
}

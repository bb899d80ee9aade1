import type { MatMulAttrs, TypedArray } from '@descent/core';
import { type GemmEngine, gemm } from '../internal/gemm';
import { cpuKernel } from '../internal/kernel';
import { batched, type Product, product } from '../internal/matmul-reference';

/**
 * Batched matrix product over the last two axes, batch axes broadcast. Floats run the packed,
 * blocked GEMM (`internal/gemm.ts`: WASM SIMD for float32, or JS), which reads transposed
 * operands through strides while packing, so the backward shapes (Aᵀ·B, A·Bᵀ) cost what the
 * forward one does. int32 runs the reference loops (C wrapping).
 */
export const matmulKernel = cpuKernel<MatMulAttrs>('matmul', ({ inputs: [a, b], attrs, backend, out }) =>
  batched(a!, b!, attrs, backend, out, out.dtype === 'int32' ? product : fast(backend.gemmEngine)),
);

/** The float product on the backend's GEMM engine (WASM, threads, or JS for `kernels: 'js'`). */
const fast =
  (engine: GemmEngine) =>
  (a: TypedArray, ao: number, b: TypedArray, bo: number, o: TypedArray, oo: number, p: Product): void =>
    // `batched` hands each product a fresh, zeroed output.
    gemm(
      { m: p.m, n: p.n, k: p.k, a, ao, ai: p.ai, ap: p.ap, b, bo, bp: p.bp, bj: p.bj, o, oo, zero: true },
      engine,
    );

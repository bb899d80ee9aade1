import type { DType, MatMulAttrs, Shape, TensorInfo, TypedArray } from '@descent/core';
import type { CpuBackend } from '../cpu-backend';
import { cpuKernel } from './kernel';
import { broadcastIndex } from './strided';

/** One [m, n] = [m, k] · [k, n] product, operands read through strides (so transposes are free). */
export interface Product {
  m: number;
  n: number;
  k: number;
  /** Strides of A along its rows (i) and columns (p), and of B along p and its columns (j). */
  ai: number;
  ap: number;
  bp: number;
  bj: number;
  /** int32 operands: products wrap like C. */
  int: boolean;
}

/**
 * The reference matmul kernel (`cpuReferenceKernels`), and the int32 path of the fast one:
 * batched matrix product over the last two axes, batch axes broadcast. Transposes are
 * strides, never copies. When B's rows are contiguous the loop runs i-k-j, accumulating into
 * the output row (sequential reads of B); with B transposed it runs i-j-k, each output a dot
 * product of two contiguous runs (summed in float64). int32 wraps like C.
 */
export const matmulReferenceKernel = cpuKernel<MatMulAttrs>(
  'matmul',
  ({ inputs: [a, b], attrs, backend, out }) => batched(a!, b!, attrs, backend, out, product),
);

/** The batch loop of matmul around `each`, which adds one [m, n] product into `o` at `oo`. */
export function batched(
  a: TensorInfo,
  b: TensorInfo,
  attrs: MatMulAttrs,
  backend: CpuBackend,
  out: { readonly shape: Shape; readonly dtype: DType },
  each: (a: TypedArray, ao: number, b: TypedArray, bo: number, o: TypedArray, oo: number, p: Product) => void,
): TensorInfo {
  const ra = a.shape.length;
  const rank = out.shape.length;
  const [m, n] = [out.shape[rank - 2]!, out.shape[rank - 1]!];
  const k = attrs.transposeA ? a.shape[ra - 2]! : a.shape[ra - 1]!;
  const p: Product = {
    m,
    n,
    k,
    ai: attrs.transposeA ? 1 : k,
    ap: attrs.transposeA ? m : 1,
    bp: attrs.transposeB ? 1 : n,
    bj: attrs.transposeB ? k : 1,
    int: out.dtype === 'int32',
  };
  const batch = out.shape.slice(0, -2);
  const res = backend.make(out.shape, out.dtype);
  const [av, bv, o] = [backend.values(a), backend.values(b), backend.values(res)];
  // One product (rank 2, the common case) needs no batch index.
  if (rank === 2) {
    each(av, 0, bv, 0, o, 0, p);
    return res;
  }
  const aBatch = broadcastIndex(a.shape.slice(0, -2), batch);
  const bBatch = broadcastIndex(b.shape.slice(0, -2), batch);
  for (let t = 0; t < aBatch.length; t++) {
    each(av, aBatch[t]! * m * k, bv, bBatch[t]! * k * n, o, t * m * n, p);
  }
  return res;
}

export function product(
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  o: TypedArray,
  oo: number,
  p: Product,
) {
  const { m, n, k, ai, ap, bp, bj, int } = p;
  if (bj === 1) {
    for (let i = 0; i < m; i++) {
      const row = oo + i * n;
      for (let q = 0; q < k; q++) {
        const x = a[ao + i * ai + q * ap]!;
        const from = bo + q * bp;
        // int32: the sum of two int32s is exact in float64 and wraps on store.
        if (int) for (let j = 0; j < n; j++) o[row + j]! += Math.imul(x, b[from + j]!);
        else for (let j = 0; j < n; j++) o[row + j]! += x * b[from + j]!;
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const arow = ao + i * ai;
    for (let j = 0; j < n; j++) {
      const bcol = bo + j * bj;
      let acc = 0;
      if (int) for (let q = 0; q < k; q++) acc = (acc + Math.imul(a[arow + q * ap]!, b[bcol + q * bp]!)) | 0;
      else for (let q = 0; q < k; q++) acc += a[arow + q * ap]! * b[bcol + q * bp]!;
      o[oo + i * n + j] = acc;
    }
  }
}

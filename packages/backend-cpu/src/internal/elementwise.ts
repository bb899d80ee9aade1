import { broadcastStrides, type Shape, stridesOf, type TypedArray } from '@descent/core';
import { type CpuKernel, cpuKernel } from './kernel';
import { forEachRow } from './strided';

export type UnaryFn = (x: number) => number;
export type BinaryFn = (a: number, b: number) => number;

/**
 * out[i] = f(a[i], b[i]) with NumPy broadcasting; fast paths when the shapes are equal or one
 * side is a scalar, otherwise a row-wise walk with broadcast strides (0 on repeated axes).
 */
export function mapBinary(
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  out: TypedArray,
  outShape: Shape,
  f: BinaryFn,
): void {
  const n = out.length;
  if (a.length === n && b.length === n) {
    for (let i = 0; i < n; i++) out[i] = f(a[i]!, b[i]!);
  } else if (b.length === 1) {
    const y = b[0]!;
    for (let i = 0; i < n; i++) out[i] = f(a[i]!, y);
  } else if (a.length === 1) {
    const x = a[0]!;
    for (let i = 0; i < n; i++) out[i] = f(x, b[i]!);
  } else {
    const sa = broadcastStrides(aShape, outShape);
    const sb = broadcastStrides(bShape, outShape);
    const last = outShape.length - 1;
    const len = outShape[last]!;
    const da = sa[last]!;
    const db = sb[last]!;
    forEachRow(outShape, [sa, sb, stridesOf(outShape)], [0, 0, 0], ([ia, ib, io]) => {
      for (let j = 0; j < len; j++) out[io! + j] = f(a[ia! + j * da]!, b[ib! + j * db]!);
    });
  }
}

/**
 * The kernel of an elementwise op of one input. Int32 results wrap on store (Int32Array
 * semantics), bool results are 0/1.
 */
export function unaryKernel(op: string, f: UnaryFn): CpuKernel {
  return cpuKernel(op, ({ inputs: [x], backend, out }) => {
    const v = backend.values(x!);
    const res = backend.make(out.shape, out.dtype);
    const o = backend.values(res);
    for (let i = 0; i < v.length; i++) o[i] = f(v[i]!);
    return res;
  });
}

/**
 * The kernel of a broadcasting elementwise op of two inputs; `intF` replaces `f` on int32
 * inputs where wrapping needs care (Math.imul) or semantics differ (division by zero).
 */
export function binaryKernel(op: string, f: BinaryFn, intF: BinaryFn = f): CpuKernel {
  return cpuKernel(op, ({ inputs: [a, b], backend, out }) => {
    const res = backend.make(out.shape, out.dtype);
    const fn = a!.dtype === 'int32' ? intF : f;
    mapBinary(backend.values(a!), a!.shape, backend.values(b!), b!.shape, backend.values(res), out.shape, fn);
    return res;
  });
}

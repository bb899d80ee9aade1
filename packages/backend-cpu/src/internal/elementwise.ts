import { broadcastStrides, type Shape, stridesOf, type TypedArray } from '@descent/core';
import { type CpuKernel, cpuKernel } from './kernel';
import { forEachRow } from './strided';

export type UnaryFn = (x: number) => number;
export type BinaryFn = (a: number, b: number) => number;

/**
 * An op's own loop: o[io + j] = op(a[ia + j·da], b[ib + j·db]) for j < n. Written out per op
 * (one function literal each), so the operation inlines; a shared loop calling `f` per element
 * sees every op at one call site and cannot.
 */
export type BinaryLoop = (
  a: TypedArray,
  ia: number,
  da: number,
  b: TypedArray,
  ib: number,
  db: number,
  o: TypedArray,
  io: number,
  n: number,
) => void;

/** An op's own loop: o[i] = op(x[i]) for i < n (see `BinaryLoop`). */
export type UnaryLoop = (x: TypedArray, o: TypedArray, n: number) => void;

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
  loop?: BinaryLoop,
): void {
  const n = out.length;
  if (loop) {
    mapBinaryLoop(a, aShape, b, bShape, out, outShape, loop);
  } else if (a.length === n && b.length === n) {
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

function mapBinaryLoop(
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  out: TypedArray,
  outShape: Shape,
  loop: BinaryLoop,
): void {
  const n = out.length;
  if (n === 0) return;
  if (a.length === n && b.length === n) loop(a, 0, 1, b, 0, 1, out, 0, n);
  else if (b.length === 1) loop(a, 0, 1, b, 0, 0, out, 0, n);
  else if (a.length === 1) loop(a, 0, 0, b, 0, 1, out, 0, n);
  else if (a.length === n && repeatsOverLeading(bShape, outShape)) {
    const tiled = tile(b);
    for (let s = 0; s < n; s += tiled.length)
      loop(a, s, 1, tiled, 0, 1, out, s, Math.min(tiled.length, n - s));
  } else if (b.length === n && repeatsOverLeading(aShape, outShape)) {
    const tiled = tile(a);
    for (let s = 0; s < n; s += tiled.length)
      loop(tiled, 0, 1, b, s, 1, out, s, Math.min(tiled.length, n - s));
  } else {
    const sa = broadcastStrides(aShape, outShape);
    const sb = broadcastStrides(bShape, outShape);
    const last = outShape.length - 1;
    const len = outShape[last]!;
    const da = sa[last]!;
    const db = sb[last]!;
    forEachRow(outShape, [sa, sb, stridesOf(outShape)], [0, 0, 0], ([ia, ib, io]) =>
      loop(a, ia!, da, b, ib!, db, out, io!, len),
    );
  }
}

/**
 * Whether `shape` (without its leading 1s) is the trailing axes of `out`: the operand repeats
 * whole over the leading axes, like a bias, so a flat tiled copy of it lines up with the output.
 */
export function repeatsOverLeading(shape: Shape, out: Shape): boolean {
  const s = shape.slice(shape.findIndex((d) => d !== 1));
  return s.length <= out.length && s.every((d, i) => d === out[out.length - s.length + i]);
}

/**
 * `x` repeated to about `size` elements (whole copies, their total a multiple of `lanes`): the
 * operand of one loop call per block, instead of one call per row of a short last axis (a bias
 * of 8 channels made 36,864 calls of 8 elements; as blocks, add runs about 2× faster). `x`
 * itself when one copy will do.
 */
export function tile(x: TypedArray, lanes = 1, size = 2048): TypedArray {
  const step = lanes / gcd(x.length, lanes);
  const copies = Math.max(step, Math.floor(size / x.length / step) * step);
  if (copies === 1) return x;
  const out = new (x.constructor as new (n: number) => TypedArray)(x.length * copies);
  for (let c = 0; c < copies; c++) out.set(x, c * x.length);
  return out;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The kernel of an elementwise op of one input. Int32 results wrap on store (Int32Array
 * semantics), bool results are 0/1. `loop`, the same op written out, runs float inputs.
 */
export function unaryKernel(op: string, f: UnaryFn, loop?: UnaryLoop): CpuKernel {
  return cpuKernel(op, ({ inputs: [x], backend, out }) => {
    const v = backend.values(x!);
    const res = backend.makeForOverwrite(out.shape, out.dtype);
    const o = backend.values(res);
    if (loop && x!.dtype === 'float32') loop(v, o, v.length);
    else for (let i = 0; i < v.length; i++) o[i] = f(v[i]!);
    return res;
  });
}

/**
 * The kernel of a broadcasting elementwise op of two inputs; `intF` replaces `f` on int32
 * inputs where wrapping needs care (Math.imul) or semantics differ (division by zero). `loop`,
 * the same op written out (`BinaryLoop`), runs float inputs without a call per element.
 */
export function binaryKernel(op: string, f: BinaryFn, intF: BinaryFn = f, loop?: BinaryLoop): CpuKernel {
  return cpuKernel(op, ({ inputs: [a, b], backend, out }) => {
    const res = backend.makeForOverwrite(out.shape, out.dtype);
    const fn = a!.dtype === 'int32' ? intF : f;
    // The specialized loop is float-only: int32 semantics (wrapping, x/0) stay with `intF`.
    const l = a!.dtype === 'float32' ? loop : undefined;
    mapBinary(
      backend.values(a!),
      a!.shape,
      backend.values(b!),
      b!.shape,
      backend.values(res),
      out.shape,
      fn,
      l,
    );
    return res;
  });
}

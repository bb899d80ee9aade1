import { broadcastStrides, stridesOf, type TypedArray } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { forEachRow } from '../internal/strided';

/** Picks `a` where `cond` is true and `b` elsewhere, broadcasting all three. */
export const whereKernel = cpuKernel('where', ({ inputs, backend, out }) => {
  const [c, a, b] = inputs.map((t) => backend.values(t)) as [TypedArray, TypedArray, TypedArray];
  const res = backend.makeForOverwrite(out.shape, out.dtype);
  const o = backend.values(res);
  const n = o.length;
  if (c.length === n && (a.length === n || a.length === 1) && (b.length === n || b.length === 1)) {
    const [ai, bi, oi] = [a, b, o].map(int32View);
    if (ai && bi && oi) selectBits(c, ai, bi, oi);
    else {
      // bool and float64 arrays: a branch per element.
      const [da, db] = [a.length === n ? 1 : 0, b.length === n ? 1 : 0];
      for (let i = 0; i < n; i++) o[i] = c[i] ? a[i * da]! : b[i * db]!;
    }
    return res;
  }
  const strides = inputs.map((t) => broadcastStrides(t.shape, out.shape));
  const last = out.shape.length - 1;
  const len = out.shape[last]!;
  const [dc, da, db] = strides.map((s) => s[last]!) as [number, number, number];
  forEachRow(out.shape, [...strides, stridesOf(out.shape)], [0, 0, 0, 0], ([ic, ia, ib, io]) => {
    for (let j = 0; j < len; j++) o[io! + j] = c[ic! + j * dc] ? a[ia! + j * da]! : b[ib! + j * db]!;
  });
  return res;
});

/** The 4-byte elements of a float32 or int32 array as int32 bits, or undefined for other arrays. */
function int32View(v: TypedArray): Int32Array | undefined {
  if (v instanceof Int32Array) return v;
  return v instanceof Float32Array ? new Int32Array(v.buffer, v.byteOffset, v.length) : undefined;
}

/**
 * `o = c ? a : b` on bit patterns, without a branch per element: relu's masks are random, and
 * a mispredicted branch per element made this the slowest loop of CNN training (4x slower).
 * `a` and `b` are full length or one element; bits are copied, so NaN payloads and -0 survive.
 */
function selectBits(c: TypedArray, a: Int32Array, b: Int32Array, o: Int32Array): void {
  const n = o.length;
  // (c + 255) >> 8 is 1 for any true byte (1..255) and 0 for false; negated, a mask of all ones or none.
  if (a.length === 1) {
    const x = a[0]!;
    if (b.length === 1) {
      const y = b[0]!;
      for (let i = 0; i < n; i++) {
        const m = -((c[i]! + 255) >> 8);
        o[i] = (x & m) | (y & ~m);
      }
    } else
      for (let i = 0; i < n; i++) {
        const m = -((c[i]! + 255) >> 8);
        o[i] = (x & m) | (b[i]! & ~m);
      }
  } else if (b.length === 1) {
    const y = b[0]!;
    for (let i = 0; i < n; i++) {
      const m = -((c[i]! + 255) >> 8);
      o[i] = (a[i]! & m) | (y & ~m);
    }
  } else
    for (let i = 0; i < n; i++) {
      const m = -((c[i]! + 255) >> 8);
      o[i] = (a[i]! & m) | (b[i]! & ~m);
    }
}

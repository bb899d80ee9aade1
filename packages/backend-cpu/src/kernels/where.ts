import { broadcastStrides, stridesOf, type TypedArray } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { forEachRow } from '../internal/strided';

/** Picks `a` where `cond` is true and `b` elsewhere, broadcasting all three. */
export const whereKernel = cpuKernel('where', ({ inputs, backend, out }) => {
  const [c, a, b] = inputs.map((t) => backend.values(t)) as [TypedArray, TypedArray, TypedArray];
  const res = backend.makeForOverwrite(out.shape, out.dtype);
  const o = backend.values(res);
  const n = o.length;
  if (c.length === n && a.length === n && b.length === n) {
    for (let i = 0; i < n; i++) o[i] = c[i] ? a[i]! : b[i]!;
    return res;
  }
  // A scalar on one side (relu is where(x <= 0, 0, x)).
  if (c.length === n && a.length === 1 && b.length === n) {
    const x = a[0]!;
    for (let i = 0; i < n; i++) o[i] = c[i] ? x : b[i]!;
    return res;
  }
  if (c.length === n && a.length === n && b.length === 1) {
    const y = b[0]!;
    for (let i = 0; i < n; i++) o[i] = c[i] ? a[i]! : y;
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

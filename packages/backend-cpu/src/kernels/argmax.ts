import type { ArgMaxAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { beats } from '../internal/math';

/** Index of the maximum along an axis: the first one on ties; NaN counts as maximal. */
export const argmaxKernel = cpuKernel<ArgMaxAttrs>('argmax', ({ inputs: [x], attrs, backend, out }) => {
  const v = backend.values(x!);
  const n = x!.shape[attrs.axis]!;
  const inner = x!.shape.slice(attrs.axis + 1).reduce((a, b) => a * b, 1);
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  const best = new Float64Array(inner);
  // Walk each [n, inner] block row by row so reads stay sequential.
  const outers = inner === 0 ? 0 : o.length / inner;
  for (let outer = 0; outer < outers; outer++) {
    const base = outer * n * inner;
    const at = outer * inner;
    best.set(v.subarray(base, base + inner));
    for (let k = 1; k < n; k++) {
      const row = base + k * inner;
      for (let j = 0; j < inner; j++) {
        const e = v[row + j]!;
        const b = best[j]!;
        if (beats(e, b)) {
          best[j] = e;
          o[at + j] = k;
        }
      }
    }
  }
  return res;
});

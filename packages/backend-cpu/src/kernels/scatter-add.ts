import type { ScatterAddAttrs } from '@descent/core';
import { toBool } from '../internal/convert';
import { checkIndices, splitAt } from '../internal/indices';
import { cpuKernel } from '../internal/kernel';

/**
 * Sums slices of `updates` into zeros of length `size` along `axis`, at `indices` (repeats
 * accumulate; out-of-range indices throw). Floats accumulate in float64; int32 wraps; bool ors.
 */
export const scatterAddKernel = cpuKernel<ScatterAddAttrs>(
  'scatterAdd',
  ({ inputs: [updates, indices], attrs, backend, out }) => {
    const idx = backend.values(indices!) as Int32Array;
    const [outer, size, inner] = splitAt(out.shape, attrs.axis);
    checkIndices('scatterAdd', idx, size, attrs.axis, out.shape);
    const u = backend.values(updates!);
    const res = backend.make(out.shape, out.dtype);
    const o = backend.values(res);
    // int32 wraps on store; other dtypes need a wider accumulator (bytes would overflow).
    const acc = out.dtype === 'int32' ? o : new Float64Array(o.length);
    const m = idx.length;
    for (let b = 0; b < outer; b++) {
      for (let j = 0; j < m; j++) {
        const from = (b * m + j) * inner;
        const to = (b * size + idx[j]!) * inner;
        for (let t = 0; t < inner; t++) acc[to + t]! += u[from + t]!;
      }
    }
    if (acc !== o) o.set(out.dtype === 'bool' ? acc.map(toBool) : acc);
    return res;
  },
);

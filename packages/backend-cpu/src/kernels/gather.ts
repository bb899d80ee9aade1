import type { GatherAttrs } from '@descent/core';
import { checkIndices, splitAt } from '../internal/indices';
import { cpuKernel } from '../internal/kernel';

/**
 * Takes slices of `x` along `axis` at `indices`; an index outside [0, size) throws an
 * InvalidArgumentError naming it and the valid range.
 */
export const gatherKernel = cpuKernel<GatherAttrs>(
  'gather',
  ({ inputs: [x, indices], attrs, backend, out }) => {
    const idx = backend.values(indices!) as Int32Array;
    const [outer, n, inner] = splitAt(x!.shape, attrs.axis);
    checkIndices('gather', idx, n, attrs.axis, x!.shape);
    const v = backend.values(x!);
    const res = backend.make(out.shape, out.dtype);
    const o = backend.values(res);
    const m = idx.length;
    for (let b = 0; b < outer; b++) {
      for (let j = 0; j < m; j++) {
        const from = (b * n + idx[j]!) * inner;
        o.set(v.subarray(from, from + inner), (b * m + j) * inner);
      }
    }
    return res;
  },
);

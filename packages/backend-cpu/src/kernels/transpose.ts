import type { TransposeAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { permute } from '../internal/strided';

/** Permutes axes: output axis i is input axis `perm[i]`. */
export const transposeKernel = cpuKernel<TransposeAttrs>(
  'transpose',
  ({ inputs: [x], attrs, backend, out }) => {
    const res = backend.make(out.shape, out.dtype);
    permute(backend.values(x!), x!.shape, attrs.perm, backend.values(res));
    return res;
  },
);

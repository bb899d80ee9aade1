import type { Pool2DAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { maxPoolBackwardInto } from '../internal/max-pool-fast';

/**
 * Gradient of maxPool: each window's `dy` goes to the first maximal input of the window in
 * row-major window order (NaN counting as maximal); overlapping windows accumulate.
 */
export const maxPoolBackwardKernel = cpuKernel<Pool2DAttrs>(
  'maxPoolBackward',
  ({ inputs: [dy, x], attrs, backend, out }) => {
    const res = backend.make(out.shape, out.dtype);
    const [v, gv, dx] = [backend.values(x!), backend.values(dy!), backend.values(res)];
    maxPoolBackwardInto(v, x!.shape, dy!.shape, attrs, gv, dx);
    return res;
  },
);

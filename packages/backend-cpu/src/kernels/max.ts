import type { ReduceAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { beats } from '../internal/math';
import { reductionRows } from '../internal/reduce';

/** Maximum over axes; NaN if any reduced element is NaN (core forbids empty reductions). */
export const maxKernel = cpuKernel<ReduceAttrs>('max', ({ inputs: [x], attrs, backend, out }) => {
  const [rows, len] = reductionRows(backend.values(x!), x!.shape, attrs.axes);
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  for (let r = 0, base = 0; r < o.length; r++, base += len) {
    let best = rows[base]!;
    for (let j = 1; j < len; j++) {
      const v = rows[base + j]!;
      if (beats(v, best)) best = v;
    }
    o[r] = best;
  }
  return res;
});

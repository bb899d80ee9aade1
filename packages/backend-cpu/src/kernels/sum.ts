import type { ReduceAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { reductionRows } from '../internal/reduce';

/** Sum over axes: float32 accumulates in float64; int32 wraps like C. Empty sums are 0. */
export const sumKernel = cpuKernel<ReduceAttrs>('sum', ({ inputs: [x], attrs, backend, out }) => {
  const [rows, len] = reductionRows(backend.values(x!), x!.shape, attrs.axes);
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  const int = x!.dtype === 'int32';
  for (let r = 0, base = 0; r < o.length; r++, base += len) {
    let acc = 0;
    if (int) for (let j = 0; j < len; j++) acc = (acc + rows[base + j]!) | 0;
    else for (let j = 0; j < len; j++) acc += rows[base + j]!;
    o[r] = acc;
  }
  return res;
});

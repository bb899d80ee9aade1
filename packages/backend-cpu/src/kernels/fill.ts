import type { FillAttrs } from '@descent/core';
import { toDType } from '../internal/convert';
import { cpuKernel } from '../internal/kernel';

/** A tensor with every element `value` (converted as `cast` would). */
export const fillKernel = cpuKernel<FillAttrs>('fill', ({ attrs, backend, out }) => {
  const res = backend.make(out.shape, out.dtype);
  backend.values(res).fill(toDType(attrs.value, out.dtype));
  return res;
});

import type { Pool2DAttrs } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { maxPoolInto } from '../internal/max-pool-fast';

/**
 * Max over each window of an NHWC batch; padding never wins (it is skipped) and NaN propagates.
 * A window of padding only (possible only with hand-made attrs) gives -Infinity, or -2³¹ for int32.
 */
export const maxPoolKernel = cpuKernel<Pool2DAttrs>('maxPool', ({ inputs: [x], attrs, backend, out }) => {
  const res = backend.makeForOverwrite(out.shape, out.dtype);
  const lowest = out.dtype === 'int32' ? -2147483648 : Number.NEGATIVE_INFINITY;
  maxPoolInto(backend.values(x!), x!.shape, out.shape, attrs, backend.values(res), lowest);
  return res;
});

import { type SliceAttrs, stridesOf } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { copyStrided } from '../internal/strided';

/** Copies the block of `size` elements starting at `begin`. */
export const sliceKernel = cpuKernel<SliceAttrs>('slice', ({ inputs: [x], attrs, backend, out }) => {
  const res = backend.make(out.shape, out.dtype);
  const strides = stridesOf(x!.shape);
  const offset = attrs.begin.reduce((o, b, i) => o + b * strides[i]!, 0);
  copyStrided(backend.values(x!), offset, strides, backend.values(res), 0, stridesOf(out.shape), out.shape);
  return res;
});

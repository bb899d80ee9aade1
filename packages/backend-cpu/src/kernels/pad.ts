import { type PadAttrs, stridesOf } from '@descent/core';
import { toDType } from '../internal/convert';
import { cpuKernel } from '../internal/kernel';
import { copyStrided } from '../internal/strided';

/** Fills with `value` (converted as `cast` would), then copies `x` into the interior. */
export const padKernel = cpuKernel<PadAttrs>('pad', ({ inputs: [x], attrs, backend, out }) => {
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  o.fill(toDType(attrs.value, out.dtype));
  const strides = stridesOf(out.shape);
  const offset = attrs.paddings.reduce((at, [before], i) => at + before * strides[i]!, 0);
  copyStrided(backend.values(x!), 0, stridesOf(x!.shape), o, offset, strides, x!.shape);
  return res;
});

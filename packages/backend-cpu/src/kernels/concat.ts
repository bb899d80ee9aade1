import { type ConcatAttrs, stridesOf } from '@descent/core';
import { cpuKernel } from '../internal/kernel';
import { copyStrided } from '../internal/strided';

/** Joins the inputs along `axis`: each is copied into its band of the output. */
export const concatKernel = cpuKernel<ConcatAttrs>('concat', ({ inputs, attrs, backend, out }) => {
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  const strides = stridesOf(out.shape);
  let at = 0;
  for (const x of inputs) {
    copyStrided(backend.values(x), 0, stridesOf(x.shape), o, at * strides[attrs.axis]!, strides, x.shape);
    at += x.shape[attrs.axis]!;
  }
  return res;
});

import type { OneHotAttrs } from '@descent/core';
import { toDType } from '../internal/convert';
import { cpuKernel } from '../internal/kernel';

/** One-hot rows of `depth`; an index outside [0, depth) gives a row of `offValue`. */
export const oneHotKernel = cpuKernel<OneHotAttrs>('oneHot', ({ inputs: [indices], attrs, backend, out }) => {
  const idx = backend.values(indices!);
  const { depth } = attrs;
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  o.fill(toDType(attrs.offValue, out.dtype));
  const on = toDType(attrs.onValue, out.dtype);
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i]!;
    if (k >= 0 && k < depth) o[i * depth + k] = on;
  }
  return res;
});

import type { CastAttrs } from '@descent/core';
import { toBool, toInt32 } from '../internal/convert';
import { cpuKernel } from '../internal/kernel';

/**
 * Converts dtype: float32 → int32 truncates toward zero (saturating, NaN → 0), anything → bool
 * is `x != 0`, and int32 → float32 rounds to nearest.
 */
export const castKernel = cpuKernel<CastAttrs>('cast', ({ inputs: [x], backend, out }) => {
  const v = backend.values(x!);
  const res = backend.make(out.shape, out.dtype);
  const o = backend.values(res);
  if (out.dtype === 'bool') for (let i = 0; i < v.length; i++) o[i] = toBool(v[i]!);
  else if (out.dtype === 'int32' && x!.dtype === 'float32')
    for (let i = 0; i < v.length; i++) o[i] = toInt32(v[i]!);
  else o.set(v); // widening, or float32 rounding on store
  return res;
});

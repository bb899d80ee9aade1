import type { CastAttrs } from '@descent/core';
import { Emitter } from '../internal/codegen';
import { f } from '../internal/elementwise';
import * as I from '../internal/int32';
import { gpujsKernel } from '../internal/kernel';
import { float, int, load, outputElement, type Value } from '../internal/values';

/**
 * Converts dtype like the CPU backend: float32 → int32 truncates toward zero (saturating,
 * NaN → 0), anything → bool is `x != 0` (NaN is true), int32 → float32 rounds to nearest.
 */
export const castKernel = gpujsKernel<CastAttrs>('cast', ({ inputs: [x], backend, out }) => {
  if (out.shape.includes(0)) return backend.run({ body: '' }, out.shape, out.dtype);
  const e = new Emitter();
  const { index, ret } = outputElement(e, out.dtype);
  const v = load(e, 'x0', x!.dtype, index);
  ret(convert(e, v, out.dtype));
  return backend.run({ body: e.toString(), inputs: [x!] }, out.shape, out.dtype);
});

function convert(e: Emitter, v: Value, to: CastAttrs['dtype']): Value {
  if (to === 'bool') {
    return float(v.i ? `(${I.equal(v.i, I.constant(0))} ? 0.0 : 1.0)` : `(${f(v)} == 0.0 ? 0.0 : 1.0)`);
  }
  if (to === 'int32') return v.i ? v : int(I.fromFloat(e, f(v)));
  return v.i ? float(I.toFloat(v.i)) : v;
}

import { ShapeError } from '../errors';
import { NUMERIC } from '../internal/elementwise';
import { assertDType, run } from '../internal/op-helpers';
import { defineOp } from '../op-def';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';

/** Attributes of the `argmax` primitive. */
export interface ArgMaxAttrs {
  /** The axis reduced, non-negative. */
  axis: number;
}

const def = defineOp<ArgMaxAttrs>({
  name: 'argmax',
  arity: 1,
  infer: ([x], { axis }) => {
    assertDType('argmax', x!, NUMERIC);
    if (x!.shape[axis] === 0) throw new ShapeError('argmax', `axis ${axis} has size 0`);
    return { shape: x!.shape.filter((_, i) => i !== axis), dtype: 'int32' };
  },
});

/**
 * Index of the maximum along `axis` (first one on ties; NaN counts as maximal). Primitive op `argmax`.
 *
 * @example
 * argmax(logits); // the predicted class of each row
 */
export function argmax(x: Tensor, axis = -1): Tensor {
  return run(def, [x], { axis: normalizeAxis('argmax', axis, x?.rank ?? 0) });
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
argmax.def = def;

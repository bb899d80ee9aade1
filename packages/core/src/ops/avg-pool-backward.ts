import { FLOAT } from '../internal/elementwise';
import { assertDType, run } from '../internal/op-helpers';
import { poolOutputShape } from '../internal/pool';
import { expectShape } from '../internal/window';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { Shape } from '../types';
import type { Pool2DAttrs } from './conv2d-attrs';

export interface AvgPoolBackwardAttrs extends Pool2DAttrs {
  /** Shape of the pooled input, which the gradient has. */
  inputShape: Shape;
}

const def = defineOp<AvgPoolBackwardAttrs>({
  name: 'avgPoolBackward',
  arity: 1,
  infer: ([dy], attrs) => {
    assertDType('avgPoolBackward', dy!, FLOAT);
    const y = poolOutputShape('avgPoolBackward', attrs.inputShape, attrs);
    expectShape('avgPoolBackward', 'dy', dy!, y);
    return { shape: [...attrs.inputShape], dtype: 'float32' };
  },
});

/** Gradient of avgPool: each window's `dy` spread evenly over the cells it averaged. Primitive op `avgPoolBackward`. */
export function avgPoolBackward(dy: Tensor, attrs: AvgPoolBackwardAttrs): Tensor {
  return run(def, [dy], attrs);
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
avgPoolBackward.def = def;

import { FLOAT } from '../internal/elementwise';
import { assertDType, run } from '../internal/op-helpers';
import { poolOutputShape } from '../internal/pool';
import { expectShape } from '../internal/window';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { Pool2DAttrs } from './conv2d-attrs';

const def = defineOp<Pool2DAttrs>({
  name: 'maxPoolBackward',
  arity: 2,
  infer: ([dy, x], attrs) => {
    assertDType('maxPoolBackward', dy!, FLOAT);
    assertDType('maxPoolBackward', x!, FLOAT);
    expectShape('maxPoolBackward', 'dy', dy!, poolOutputShape('maxPoolBackward', x!.shape, attrs));
    return { shape: x!.shape, dtype: 'float32' };
  },
});

/**
 * Gradient of maxPool: each window's `dy` goes to the first maximal input of the window in
 * row-major order (ties go to the first, like PyTorch). Primitive op `maxPoolBackward`.
 */
export function maxPoolBackward(dy: Tensor, x: Tensor, attrs: Pool2DAttrs): Tensor {
  return run(def, [dy, x], attrs);
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
maxPoolBackward.def = def;

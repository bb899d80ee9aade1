import { FLOAT } from '../internal/elementwise';
import { assertDType, assertTensor, run } from '../internal/op-helpers';
import { type Pool2DOptions, pool2dAttrs, poolOutputShape } from '../internal/pool';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { Pool2DAttrs } from './conv2d-attrs';

const def = defineOp<Pool2DAttrs>({
  name: 'avgPool',
  arity: 1,
  infer: ([x], attrs) => {
    assertDType('avgPool', x!, FLOAT);
    return {
      shape: poolOutputShape('avgPool', x!.shape, attrs),
      dtype: 'float32',
    };
  },
});

/**
 * Mean over each window of an NHWC batch. Padded cells are left out of the count unless
 * `countIncludePad` (TF/Keras vs PyTorch default). Primitive op `avgPool`.
 *
 * @example
 * avgPool(x, { windowSize: 2 }); // [n,28,28,c] → [n,14,14,c]
 */
export function avgPool(x: Tensor, options: Pool2DOptions): Tensor {
  assertTensor('avgPool', x);
  return run(def, [x], pool2dAttrs('avgPool', x, options));
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
avgPool.def = def;

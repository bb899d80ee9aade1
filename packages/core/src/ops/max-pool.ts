import { NUMERIC } from '../internal/elementwise';
import { assertDType, assertTensor, run } from '../internal/op-helpers';
import { type Pool2DOptions, pool2dAttrs, poolOutputShape } from '../internal/pool';
import { defineOp } from '../op-def';
import type { Tensor } from '../tensor';
import type { Pool2DAttrs } from './conv2d-attrs';

const def = defineOp<Pool2DAttrs>({
  name: 'maxPool',
  arity: 1,
  infer: ([x], attrs) => {
    assertDType('maxPool', x!, NUMERIC);
    return {
      shape: poolOutputShape('maxPool', x!.shape, attrs),
      dtype: x!.dtype,
    };
  },
});

/**
 * Max over each window of an NHWC batch; padding never wins (it is -Infinity).
 * Primitive op `maxPool`.
 *
 * @example
 * maxPool(x, { windowSize: 2 }); // [n,28,28,c] → [n,14,14,c]
 */
export function maxPool(x: Tensor, options: Pool2DOptions): Tensor {
  assertTensor('maxPool', x);
  return run(def, [x], pool2dAttrs('maxPool', x, options));
}
/** The op's definition (`OpDef`), for kernels and gradient rules to register against. */
maxPool.def = def;

import { assertRuntime, assertTensor } from '../internal/op-helpers';
import { fill } from '../ops/fill';
import type { Runtime } from '../runtime';
import type { Tensor } from '../tensor';
import type { DType, Shape } from '../types';

/**
 * A tensor of zeros.
 *
 * @example
 * zeros(rt, [2, 3]);
 */
export function zeros(rt: Runtime, shape: Shape, dtype: DType = 'float32'): Tensor {
  assertRuntime('zeros', rt);
  return fill(rt, shape, 0, dtype);
}

/**
 * A tensor of ones.
 *
 * @example
 * ones(rt, [2, 3], 'int32');
 */
export function ones(rt: Runtime, shape: Shape, dtype: DType = 'float32'): Tensor {
  assertRuntime('ones', rt);
  return fill(rt, shape, 1, dtype);
}

/**
 * Zeros of `x`'s shape and dtype on its backend.
 *
 * @example
 * zerosLike(x);
 */
export function zerosLike(x: Tensor): Tensor {
  assertTensor('zerosLike', x);
  return fill(x.runtime, x.shape, 0, x.dtype, { backend: x.backendName });
}

/**
 * Ones of `x`'s shape and dtype on its backend.
 *
 * @example
 * onesLike(x);
 */
export function onesLike(x: Tensor): Tensor {
  assertTensor('onesLike', x);
  return fill(x.runtime, x.shape, 1, x.dtype, { backend: x.backendName });
}

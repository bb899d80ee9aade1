import { checkTensor, greater, mul, type Tensor, where } from '@descent/core';
import { checkFiniteNumber } from '../internal/check-args';

/**
 * x for x > 0, alpha·x otherwise (alpha 0.2, as Keras 3 and tf.nn).
 *
 * @example
 * new Dense({ units: 8, activation: 'leakyRelu' });
 * leakyRelu(x, 0.01);
 */
export function leakyRelu(x: Tensor, alpha = 0.2): Tensor {
  checkTensor('leakyRelu', 'x', x);
  checkFiniteNumber('leakyRelu', 'alpha', alpha);
  return x.runtime.tidy(() => where(greater(x, 0), x, mul(x, alpha)));
}

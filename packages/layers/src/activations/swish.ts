import { checkTensor, mul, sigmoid, type Tensor } from '@descent/core';

/**
 * x·sigmoid(x) (also called SiLU).
 *
 * @example
 * new Dense({ units: 8, activation: 'swish' });
 */
export function swish(x: Tensor): Tensor {
  checkTensor('swish', 'x', x);
  return x.runtime.tidy(() => mul(x, sigmoid(x)));
}

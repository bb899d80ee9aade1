import type { Tensor } from '@descent/core';
import { checkTensor } from '@descent/core';

/**
 * The identity (Keras' `linear`, the default activation of Dense and Conv2D).
 *
 * @example
 * new Dense({ units: 1, activation: 'linear' });
 */
export function linear(x: Tensor): Tensor {
  checkTensor('linear', 'x', x);
  return x;
}

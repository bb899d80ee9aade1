import { mul } from '../ops/mul';
import type { Tensor } from '../tensor';

/**
 * x².
 *
 * @example
 * mean(square(sub(yPred, yTrue))); // mean squared error
 */
export function square(x: Tensor): Tensor {
  return mul(x, x);
}

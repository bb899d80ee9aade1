import { div } from '../ops/div';
import type { Tensor } from '../tensor';

/**
 * 1 / x.
 *
 * @example
 * reciprocal(x); // 1 / x
 */
export function reciprocal(x: Tensor): Tensor {
  return div(1, x);
}

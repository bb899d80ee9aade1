import { assertTensor } from '../internal/op-helpers';
import { max } from '../ops/max';
import { neg } from '../ops/neg';
import type { Tensor } from '../tensor';

/**
 * Minimum over `axes` (all by default), as -max(-x).
 *
 * @example
 * min(x, -1); // per row
 */
export function min(x: Tensor, axes?: number | readonly number[], keepDims = false): Tensor {
  assertTensor('min', x);
  return x.runtime.tidy(() => neg(max(neg(x), axes, keepDims)));
}

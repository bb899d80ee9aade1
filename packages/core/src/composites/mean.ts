import { assertTensor } from '../internal/op-helpers';
import { cast } from '../ops/cast';
import { div } from '../ops/div';
import { sum } from '../ops/sum';
import { normalizeAxes } from '../shape';
import type { Tensor } from '../tensor';

/**
 * Arithmetic mean over `axes` (all by default); the mean of nothing is NaN. int32 input gives float32.
 *
 * @example
 * mean(x);    // scalar
 * mean(x, 0); // per column
 */
export function mean(x: Tensor, axes?: number | readonly number[], keepDims = false): Tensor {
  assertTensor('mean', x);
  const ax = normalizeAxes('mean', axes, x.rank);
  const count = ax.reduce((n, a) => n * x.shape[a]!, 1);
  return x.runtime.tidy(() => div(sum(x.dtype === 'float32' ? x : cast(x, 'float32'), ax, keepDims), count));
}

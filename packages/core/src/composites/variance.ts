import { assertTensor } from '../internal/op-helpers';
import { cast } from '../ops/cast';
import { div } from '../ops/div';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import { normalizeAxes } from '../shape';
import type { Tensor } from '../tensor';
import { mean } from './mean';
import { square } from './square';

/**
 * Variance over `axes` (all by default): Σ(x - mean)² / (n - correction). `correction` 0 is the
 * population variance (NumPy, TF, Keras BatchNorm); 1 is PyTorch's default unbiased estimate.
 * int32 input gives float32.
 *
 * @example
 * variance(x, 0);           // per column, population variance (Keras)
 * variance(x, 0, false, 1); // unbiased (PyTorch's default)
 */
export function variance(
  x: Tensor,
  axes?: number | readonly number[],
  keepDims = false,
  correction = 0,
): Tensor {
  assertTensor('variance', x);
  const ax = normalizeAxes('variance', axes, x.rank);
  const count = ax.reduce((n, a) => n * x.shape[a]!, 1);
  return x.runtime.tidy(() => {
    const xf = x.dtype === 'float32' ? x : cast(x, 'float32');
    return div(sum(square(sub(xf, mean(xf, ax, true))), ax, keepDims), count - correction);
  });
}

import { assertTensor } from '../internal/op-helpers';
import { add } from '../ops/add';
import { exp } from '../ops/exp';
import { fill } from '../ops/fill';
import { isFinite } from '../ops/is-finite';
import { log } from '../ops/log';
import { max } from '../ops/max';
import { reshape } from '../ops/reshape';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import { where } from '../ops/where';
import { normalizeAxes } from '../shape';
import type { Tensor } from '../tensor';

/**
 * log Σ e^x over `axes` (all by default), shifted by the max so it neither overflows nor
 * underflows; rows of -Infinity give -Infinity.
 *
 * @example
 * logSumExp(logits, -1); // one value per row
 */
export function logSumExp(x: Tensor, axes?: number | readonly number[], keepDims = false): Tensor {
  assertTensor('logSumExp', x);
  const ax = normalizeAxes('logSumExp', axes, x.rank);
  if (ax.some((a) => x.shape[a] === 0)) {
    // log of an empty sum, as PyTorch: -Infinity (max would reject the empty axis).
    return fill(
      x.runtime,
      keepDims ? x.shape.map((d, i) => (ax.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !ax.includes(i)),
      Number.NEGATIVE_INFINITY,
      'float32',
      { backend: x.backendName },
    );
  }
  return x.runtime.tidy(() => {
    const m = max(x, ax, true);
    const shift = where(isFinite(m), m, 0);
    const out = add(log(sum(exp(sub(x, shift)), ax, true)), shift);
    return keepDims
      ? out
      : reshape(
          out,
          x.shape.filter((_, i) => !ax.includes(i)),
        );
  });
}

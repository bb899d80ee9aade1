import { assertTensor } from '../internal/op-helpers';
import { div } from '../ops/div';
import { exp } from '../ops/exp';
import { max } from '../ops/max';
import { sub } from '../ops/sub';
import { sum } from '../ops/sum';
import type { Tensor } from '../tensor';
import { zerosLike } from './creation';

/**
 * e^x / Σ e^x along `axis` (default last), shifted by the max so large logits do not overflow.
 *
 * @example
 * softmax(logits); // rows sum to 1
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  assertTensor('softmax', x);
  if (x.size === 0) return zerosLike(x); // nothing to normalize (max would reject the empty axis)
  return x.runtime.tidy(() => {
    const e = exp(sub(x, max(x, axis, true)));
    return div(e, sum(e, axis, true));
  });
}

import { assertTensor } from '../internal/op-helpers';
import { sub } from '../ops/sub';
import type { Tensor } from '../tensor';
import { logSumExp } from './log-sum-exp';

/**
 * log(softmax(x)) along `axis`, computed as x - logSumExp(x): finite for any finite logits.
 *
 * @example
 * logSoftmax(logits); // log-probabilities per row
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  assertTensor('logSoftmax', x);
  return x.runtime.tidy(() => sub(x, logSumExp(x, axis, true)));
}

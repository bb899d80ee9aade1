import { sub } from '../ops/sub';
import type { Tensor } from '../tensor';
import { logSumExp } from './log-sum-exp';

/** log(softmax(x)) along `axis`, computed as x - logSumExp(x): finite for any finite logits. */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  return x.runtime.tidy(() => sub(x, logSumExp(x, axis, true)));
}

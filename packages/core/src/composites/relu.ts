import { assertTensor } from '../internal/op-helpers';
import { lessEqual } from '../ops/less-equal';
import { where } from '../ops/where';
import type { Tensor } from '../tensor';

/**
 * max(x, 0); NaN stays NaN. Written as a select so its gradient is 0 at x = 0, as in PyTorch
 * and TensorFlow (maximum's tie rule would give 1).
 */
export function relu(x: Tensor): Tensor {
  assertTensor('relu', x);
  return x.runtime.tidy(() => where(lessEqual(x, 0), 0, x));
}

import { maximum } from '../ops/maximum';
import type { Tensor } from '../tensor';

/** max(x, 0); NaN stays NaN. */
export function relu(x: Tensor): Tensor {
  return maximum(x, 0);
}

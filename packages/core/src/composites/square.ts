import { mul } from '../ops/mul';
import type { Tensor } from '../tensor';

/** x². */
export function square(x: Tensor): Tensor {
  return mul(x, x);
}

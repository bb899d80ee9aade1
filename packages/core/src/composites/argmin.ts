import { assertTensor } from '../internal/op-helpers';
import { argmax } from '../ops/argmax';
import { neg } from '../ops/neg';
import type { Tensor } from '../tensor';

/**
 * Index of the minimum along `axis` (first one on ties), as argmax(-x).
 *
 * @example
 * argmin(distances); // the nearest centroid of each row
 */
export function argmin(x: Tensor, axis = -1): Tensor {
  assertTensor('argmin', x);
  return x.runtime.tidy(() => argmax(neg(x), axis));
}

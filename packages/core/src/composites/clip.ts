import { InvalidArgumentError } from '../errors';
import { assertTensor } from '../internal/op-helpers';
import { maximum } from '../ops/maximum';
import { minimum } from '../ops/minimum';
import type { Tensor } from '../tensor';

/**
 * Clamps every element into [lo, hi].
 *
 * @example
 * clip(probs, 1e-7, 1 - 1e-7);
 */
export function clip(x: Tensor, lo: number, hi: number): Tensor {
  assertTensor('clip', x);
  if (!(lo <= hi)) throw new InvalidArgumentError('clip', `expected lo <= hi, got ${lo} and ${hi}`);
  return x.runtime.tidy(() => minimum(maximum(x, lo), hi));
}

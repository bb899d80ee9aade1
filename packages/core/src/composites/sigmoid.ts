import { assertTensor } from '../internal/op-helpers';
import { add } from '../ops/add';
import { div } from '../ops/div';
import { exp } from '../ops/exp';
import { greaterEqual } from '../ops/greater-equal';
import { maximum } from '../ops/maximum';
import { minimum } from '../ops/minimum';
import { neg } from '../ops/neg';
import { where } from '../ops/where';
import type { Tensor } from '../tensor';

/**
 * 1 / (1 + e^-x), saturating to exactly 0 or 1. Each half is computed from an exponent that is
 * never positive, so neither the value nor the gradient of the branch `where` discards can
 * overflow (a plain e^-x is Infinity below x ≈ -88 and its gradient NaN).
 *
 * @example
 * sigmoid(logits); // probabilities in [0, 1]
 */
export function sigmoid(x: Tensor): Tensor {
  assertTensor('sigmoid', x);
  return x.runtime.tidy(() => {
    const pos = div(1, add(exp(neg(maximum(x, 0))), 1));
    const e = exp(minimum(x, 0));
    return where(greaterEqual(x, 0), pos, div(e, add(e, 1)));
  });
}

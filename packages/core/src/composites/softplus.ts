import { assertTensor } from '../internal/op-helpers';
import { exp } from '../ops/exp';
import { greater } from '../ops/greater';
import { log1p } from '../ops/log1p';
import { minimum } from '../ops/minimum';
import { where } from '../ops/where';
import type { Tensor } from '../tensor';

// Above this, log(1 + e^x) = x to float32 precision (e^-20 ≈ 2e-9).
const LINEAR_FROM = 20;

/**
 * log(1 + e^x). Smooth everywhere, so its gradient is exactly sigmoid(x), 0.5 at 0; the
 * exponent is clamped so e^x never overflows, even in the branch `where` discards.
 *
 * @example
 * softplus(x); // a smooth relu
 */
export function softplus(x: Tensor): Tensor {
  assertTensor('softplus', x);
  return x.runtime.tidy(() => where(greater(x, LINEAR_FROM), x, log1p(exp(minimum(x, LINEAR_FROM)))));
}

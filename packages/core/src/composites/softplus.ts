import { abs } from '../ops/abs';
import { add } from '../ops/add';
import { exp } from '../ops/exp';
import { log1p } from '../ops/log1p';
import { maximum } from '../ops/maximum';
import { neg } from '../ops/neg';
import type { Tensor } from '../tensor';

/** log(1 + e^x), as max(x, 0) + log1p(e^-|x|) so it never overflows. */
export function softplus(x: Tensor): Tensor {
  return x.runtime.tidy(() => add(maximum(x, 0), log1p(exp(neg(abs(x))))));
}

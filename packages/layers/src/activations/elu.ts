import { checkTensor, expm1, greater, minimum, mul, type Tensor, where } from '@descent/core';
import { checkFiniteNumber } from '../internal/check-args';

/**
 * x for x > 0, alpha·(eˣ - 1) otherwise. The exponent is clamped at 0 so the discarded branch
 * never overflows (which would make its gradient NaN).
 *
 * @example
 * new Dense({ units: 8, activation: 'elu' });
 */
export function elu(x: Tensor, alpha = 1): Tensor {
  checkTensor('elu', 'x', x);
  checkFiniteNumber('elu', 'alpha', alpha);
  return x.runtime.tidy(() => where(greater(x, 0), x, mul(expm1(minimum(x, 0)), alpha)));
}

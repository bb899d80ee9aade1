import { add } from '../ops/add';
import { div } from '../ops/div';
import { exp } from '../ops/exp';
import { neg } from '../ops/neg';
import type { Tensor } from '../tensor';

/** 1 / (1 + e^-x); saturates to exactly 0 or 1 without NaN (e^-x overflows to Infinity, 1/Infinity = 0). */
export function sigmoid(x: Tensor): Tensor {
  return x.runtime.tidy(() => div(1, add(exp(neg(x)), 1)));
}

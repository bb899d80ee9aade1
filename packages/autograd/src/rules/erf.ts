import { exp, mul, neg } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** d(erf x) = 2/√π · e^(-x²) · dy. */
export const erfRule: GradientRule = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [x] }) => [mul(dy, mul(exp(neg(mul(x!, x!))), TWO_OVER_SQRT_PI))],
};

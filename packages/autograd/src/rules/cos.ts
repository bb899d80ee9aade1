import { mul, neg, sin } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(cos x) = -sin x · dy. */
export const cosRule: GradientRule = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [x] }) => [neg(mul(dy, sin(x!)))],
};

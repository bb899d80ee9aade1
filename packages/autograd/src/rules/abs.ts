import { mul, sign } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d|x| = sign(x) · dy; at x = 0 the subgradient 0 is taken (sign(0) = 0, like PyTorch and TF). */
export const absRule: GradientRule = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [x] }) => [mul(dy, sign(x!))],
};

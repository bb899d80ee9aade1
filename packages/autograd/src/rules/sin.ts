import { cos, mul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(sin x) = cos x · dy. */
export const sinRule: GradientRule = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [x] }) => [mul(dy, cos(x!))],
};

import { mul, sub } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(tanh x) = (1 - y²) · dy: reuses the forward output y. */
export const tanhRule: GradientRule = {
  save: { output: true },
  backward: (dy, { output: y }) => [mul(dy, sub(1, mul(y!, y!)))],
};

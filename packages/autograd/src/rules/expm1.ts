import { add, mul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(e^x - 1) = (y + 1) · dy: reuses the forward output y. */
export const expm1Rule: GradientRule = {
  save: { output: true },
  backward: (dy, { output }) => [mul(dy, add(output!, 1))],
};

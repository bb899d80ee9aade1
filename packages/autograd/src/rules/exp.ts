import { mul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(e^x) = e^x · dy: reuses the forward output. */
export const expRule: GradientRule = {
  save: { output: true },
  backward: (dy, { output }) => [mul(dy, output!)],
};

import { div, mul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d√x = dy / (2√x): reuses the forward output. */
export const sqrtRule: GradientRule = {
  save: { output: true },
  backward: (dy, { output }) => [div(dy, mul(output!, 2))],
};

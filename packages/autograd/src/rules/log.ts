import { div } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(log x) = dy / x. */
export const logRule: GradientRule = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [x] }) => [div(dy, x!)],
};

import { add, div } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(log(1 + x)) = dy / (1 + x). */
export const log1pRule: GradientRule = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [x] }) => [div(dy, add(x!, 1))],
};

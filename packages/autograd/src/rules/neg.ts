import { neg } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(-x) = -dy. */
export const negRule: GradientRule = {
  backward: (dy) => [neg(dy)],
};

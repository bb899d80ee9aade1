import { neg } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** d(a - b) = (dy, -dy), reduced over broadcast axes. */
export const subRule: GradientRule = {
  backward: (dy, { inputShapes: [sa, sb] }) => [sumToShape(dy, sa!), sumToShape(neg(dy), sb!)],
};

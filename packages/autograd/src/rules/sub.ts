import { neg } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** d(a - b) = (dy, -dy), reduced over broadcast axes; only for the inputs that need it. */
export const subRule: GradientRule = {
  backward: (dy, { inputShapes: [sa, sb], needs }) => [
    needs[0] ? sumToShape(dy, sa!) : undefined,
    needs[1] ? sumToShape(neg(dy), sb!) : undefined,
  ],
};

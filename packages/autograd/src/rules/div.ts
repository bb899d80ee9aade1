import { div, mul, neg } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/**
 * d(a/b) = (dy/b, -dy·a/b² = -(dy/b)·y), reduced over broadcast axes; needs b and the output y
 * only, and b's gradient only when b needs one (a mean's count does not).
 */
export const divRule: GradientRule = {
  save: { inputs: [1], output: true },
  backward: (dy, { inputs: [, b], output: y, inputShapes: [sa, sb], needs }) => {
    const da = div(dy, b!);
    return [
      needs[0] ? sumToShape(da, sa!) : undefined,
      needs[1] ? sumToShape(neg(mul(da, y!)), sb!) : undefined,
    ];
  },
};

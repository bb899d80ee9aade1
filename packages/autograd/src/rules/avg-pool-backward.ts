import { type AvgPoolBackwardAttrs, avgPool } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** avgPoolBackward is linear in dy, the adjoint of avgPool (same divisors): its gradient is avgPool(g). */
export const avgPoolBackwardRule: GradientRule<AvgPoolBackwardAttrs> = {
  backward: (g, { attrs: { windowSize, strides, pads, countIncludePad } }) => [
    avgPool(g, { windowSize, strides, padding: pads, countIncludePad }),
  ],
};

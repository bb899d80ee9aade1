import { mul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** d(a·b) = (b·dy, a·dy), reduced over broadcast axes. */
export const mulRule: GradientRule = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [a, b], inputShapes: [sa, sb] }) => [
    sumToShape(mul(dy, b!), sa!),
    sumToShape(mul(dy, a!), sb!),
  ],
};

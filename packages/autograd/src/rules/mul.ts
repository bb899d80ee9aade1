import { mul } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** d(a·b) = (b·dy, a·dy), reduced over broadcast axes; only for the inputs that need it. */
export const mulRule: GradientRule = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [a, b], inputShapes: [sa, sb], needs }) => [
    needs[0] ? sumToShape(mul(dy, b!), sa!) : undefined,
    needs[1] ? sumToShape(mul(dy, a!), sb!) : undefined,
  ],
};

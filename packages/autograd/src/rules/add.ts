import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** d(a + b) = dy for both, reduced over broadcast axes; only for the inputs that need it. */
export const addRule: GradientRule = {
  backward: (dy, { inputShapes: [sa, sb], needs }) => [
    needs[0] ? sumToShape(dy, sa!) : undefined,
    needs[1] ? sumToShape(dy, sb!) : undefined,
  ],
};

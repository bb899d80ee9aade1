import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** d(a + b) = dy for both, reduced over broadcast axes. */
export const addRule: GradientRule = {
  backward: (dy, { inputShapes }) => [sumToShape(dy, inputShapes[0]!), sumToShape(dy, inputShapes[1]!)],
};

import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** The adjoint of broadcasting: dx = dy summed over the repeated axes. */
export const broadcastToRule: GradientRule = {
  backward: (dy, { inputShapes: [shape] }) => [sumToShape(dy, shape!)],
};

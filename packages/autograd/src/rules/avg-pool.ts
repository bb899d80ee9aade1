import { avgPoolBackward, type Pool2DAttrs } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** dx = avgPoolBackward(dy): each window's dy spread evenly over the cells it averaged. */
export const avgPoolRule: GradientRule<Pool2DAttrs> = {
  backward: (dy, { attrs, inputShapes: [shape] }) => [avgPoolBackward(dy, { ...attrs, inputShape: shape! })],
};

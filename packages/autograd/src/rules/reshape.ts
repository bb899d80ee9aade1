import { reshape } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** reshape only relabels the data: dx = dy reshaped back to the input's shape (a view). */
export const reshapeRule: GradientRule = {
  backward: (dy, { inputShapes: [shape] }) => [reshape(dy, shape!)],
};

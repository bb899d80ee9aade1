import { where } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** where(c, a, b): the condition gets none; a gets dy where c, b gets dy elsewhere, each reduced to its shape. */
export const whereRule: GradientRule = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [cond], inputShapes: [, sa, sb] }) => [
    undefined,
    sumToShape(where(cond!, dy, 0), sa!),
    sumToShape(where(cond!, 0, dy), sb!),
  ],
};

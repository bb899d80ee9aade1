import { type GatherAttrs, scatterAdd } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** dx = scatterAdd(dy) at the same indices (repeated indices accumulate); indices get none. */
export const gatherRule: GradientRule<GatherAttrs> = {
  save: { inputs: [1] },
  backward: (dy, { inputs: [, indices], attrs: { axis }, inputShapes: [shape] }) => [
    scatterAdd(dy, indices!, axis, shape![axis]!),
    undefined,
  ],
};

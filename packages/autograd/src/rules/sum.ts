import { broadcastTo, type ReduceAttrs, reshape } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** d(Σx) = dy repeated over the reduced axes (reinserted as size 1, then broadcast). */
export const sumRule: GradientRule<ReduceAttrs> = {
  backward: (dy, { attrs: { axes }, inputShapes: [shape] }) => {
    const kept = shape!.map((d, i) => (axes.includes(i) ? 1 : d));
    return [broadcastTo(reshape(dy, kept), shape!)];
  },
};

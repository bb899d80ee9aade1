import { pad, type SliceAttrs } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** dx = dy padded with zeros back to the input's shape. */
export const sliceRule: GradientRule<SliceAttrs> = {
  backward: (dy, { attrs: { begin, size }, inputShapes: [shape] }) => {
    const paddings = begin.map((b, i) => [b, shape![i]! - b - size[i]!] as const);
    return [pad(dy, paddings)];
  },
};

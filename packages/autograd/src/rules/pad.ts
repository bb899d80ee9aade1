import { type PadAttrs, slice } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** dx = the block of dy the input occupies (the padding value is a constant). */
export const padRule: GradientRule<PadAttrs> = {
  backward: (dy, { attrs: { paddings }, inputShapes: [shape] }) => {
    const begin = paddings.map(([before]) => before);
    return [slice(dy, begin, shape!)];
  },
};

import { type ConcatAttrs, slice } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** Each input gets its own block of dy along the concat axis. */
export const concatRule: GradientRule<ConcatAttrs> = {
  backward: (dy, { attrs: { axis }, inputShapes }) => {
    let offset = 0;
    return inputShapes.map((shape) => {
      const begin = shape.map((_, i) => (i === axis ? offset : 0));
      offset += shape[axis]!;
      return slice(dy, begin, shape);
    });
  },
};

import { type TransposeAttrs, transpose } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** dx = dy transposed by the inverse permutation. */
export const transposeRule: GradientRule<TransposeAttrs> = {
  backward: (dy, { attrs: { perm } }) => {
    const inverse = perm.map((_, i) => perm.indexOf(i));
    return [transpose(dy, inverse)];
  },
};

import { type CastAttrs, cast } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * float→float passes dy; float→int/bool is piecewise constant (no gradient). From an int or bool
 * input it returns cast(dy) anyway, so the tape raises its typed error for a gradient that would
 * have to flow through an int or bool tensor.
 */
export const castRule: GradientRule<CastAttrs> = {
  backward: (dy, { attrs: { dtype }, inputDtypes: [from] }) => {
    if (from !== 'float32') return [cast(dy, from!)];
    return [dtype === 'float32' ? dy : undefined];
  },
};

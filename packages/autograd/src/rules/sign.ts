import type { GradientRule } from '../gradient-rule';

/**
 * sign(x) is piecewise constant: its derivative is 0 wherever it exists (and undefined at the
 * jumps), so the rule returns no gradient and sources reached only through it get zeros.
 */
export const signRule: GradientRule = {
  backward: () => [undefined],
};

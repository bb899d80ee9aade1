import type { GradientRule } from '../gradient-rule';

/** a >= b is piecewise constant with bool output: no gradient to either input. */
export const greaterEqualRule: GradientRule = {
  constant: true,
  backward: () => [],
};

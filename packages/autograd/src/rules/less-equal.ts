import type { GradientRule } from '../gradient-rule';

/** a <= b is piecewise constant with bool output: no gradient to either input. */
export const lessEqualRule: GradientRule = {
  constant: true,
  backward: () => [],
};

import type { GradientRule } from '../gradient-rule';

/** isFinite is piecewise constant with bool output: no gradient. */
export const isFiniteRule: GradientRule = {
  constant: true,
  backward: () => [],
};

import type { GradientRule } from '../gradient-rule';

/** isNaN is piecewise constant with bool output: no gradient. */
export const isNaNRule: GradientRule = {
  constant: true,
  backward: () => [],
};

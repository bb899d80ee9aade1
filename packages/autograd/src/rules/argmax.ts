import type { GradientRule } from '../gradient-rule';

/** argmax returns int32 indices, piecewise constant in x: no gradient. */
export const argmaxRule: GradientRule = {
  constant: true,
  backward: () => [],
};

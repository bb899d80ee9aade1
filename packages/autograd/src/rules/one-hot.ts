import type { GradientRule } from '../gradient-rule';

/** oneHot of int32 indices: indices are not differentiable. */
export const oneHotRule: GradientRule = {
  constant: true,
  backward: () => [],
};

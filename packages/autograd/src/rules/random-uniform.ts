import type { GradientRule } from '../gradient-rule';

/** randomUniform has no inputs: nothing to differentiate. */
export const randomUniformRule: GradientRule = {
  backward: () => [],
};

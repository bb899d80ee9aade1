import type { GradientRule } from '../gradient-rule';

/** Boolean and: bool inputs carry no gradient. */
export const logicalAndRule: GradientRule = {
  constant: true,
  backward: () => [],
};

import type { GradientRule } from '../gradient-rule';

/** Boolean or: bool inputs carry no gradient. */
export const logicalOrRule: GradientRule = {
  constant: true,
  backward: () => [],
};

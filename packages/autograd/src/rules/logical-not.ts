import type { GradientRule } from '../gradient-rule';

/** Boolean not: bool input carries no gradient. */
export const logicalNotRule: GradientRule = {
  constant: true,
  backward: () => [],
};

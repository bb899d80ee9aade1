import type { GradientRule } from '../gradient-rule';

/** fill has no inputs: nothing to differentiate. */
export const fillRule: GradientRule = {
  backward: () => [],
};

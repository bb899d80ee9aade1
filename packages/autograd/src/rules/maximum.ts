import { greaterEqual, where } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/**
 * d max(a, b): dy goes to `a` where a >= b and to `b` elsewhere (TF's Maximum gradient).
 * Ties give the whole dy to `a`, so relu(x) = maximum(x, 0) has slope 1 at x = 0.
 */
export const maximumRule: GradientRule = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [a, b], inputShapes: [sa, sb] }) => {
    const toA = greaterEqual(a!, b!);
    return [sumToShape(where(toA, dy, 0), sa!), sumToShape(where(toA, 0, dy), sb!)];
  },
};

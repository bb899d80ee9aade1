import { lessEqual, where } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/**
 * d min(a, b): dy goes to `a` where a <= b and to `b` elsewhere (TF's Minimum gradient).
 * Ties give the whole dy to `a`.
 */
export const minimumRule: GradientRule = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [a, b], inputShapes: [sa, sb] }) => {
    const toA = lessEqual(a!, b!);
    return [sumToShape(where(toA, dy, 0), sa!), sumToShape(where(toA, 0, dy), sb!)];
  },
};

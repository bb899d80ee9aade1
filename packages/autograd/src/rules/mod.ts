import { div, floor, mul, neg } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/** a mod b = a - floor(a/b)·b, so da = dy and db = -floor(a/b)·dy (away from the jumps at a/b ∈ ℤ). */
export const modRule: GradientRule = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [a, b], inputShapes: [sa, sb] }) => [
    sumToShape(dy, sa!),
    sumToShape(mul(dy, neg(floor(div(a!, b!)))), sb!),
  ],
};

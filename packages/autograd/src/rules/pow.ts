import { equal, greater, log, mul, pow, sub, where } from '@descent/core';
import type { GradientRule } from '../gradient-rule';
import { sumToShape } from '../internal/sum-to-shape';

/**
 * d(a^b)/da = b·a^(b-1)·dy, taken as 0 where b = 0 (so 0^0 gives 0, not 0·∞ = NaN; as PyTorch);
 * d(a^b)/db = a^b·log(a)·dy where a > 0 and 0 where a ≤ 0. At a = 0 this is PyTorch's value;
 * for a < 0 (defined only at integer b, where b cannot vary smoothly) PyTorch gives NaN, we give 0.
 */
export const powRule: GradientRule = {
  save: { inputs: 'all', output: true },
  backward: (dy, { inputs: [a, b], output: y, inputShapes: [sa, sb] }) => {
    const da = where(equal(b!, 0), 0, mul(b!, pow(a!, sub(b!, 1))));
    const db = mul(y!, where(greater(a!, 0), log(a!), 0));
    return [sumToShape(mul(dy, da), sa!), sumToShape(mul(dy, db), sb!)];
  },
};

import { cast, div, equal, mul, type ReduceAttrs, reshape, sum } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * d(max x) = dy at the elements equal to the max. Ties: each of the k tied elements gets dy/k,
 * so the gradients still sum to dy (like TF's reduce_max and PyTorch's amax). A NaN max matches
 * no element and gives NaN.
 */
export const maxRule: GradientRule<ReduceAttrs> = {
  save: { inputs: [0], output: true },
  backward: (dy, { inputs: [x], output, attrs: { axes }, inputShapes: [shape] }) => {
    const kept = shape!.map((d, i) => (axes.includes(i) ? 1 : d));
    const hit = cast(equal(x!, reshape(output!, kept)), dy.dtype);
    return [div(mul(hit, reshape(dy, kept)), sum(hit, axes, true))];
  },
};

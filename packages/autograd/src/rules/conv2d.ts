import { type Conv2DAttrs, conv2dBackpropFilter, conv2dBackpropInput } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** For y = conv2d(x, f): dx = conv2dBackpropInput(dy, f), df = conv2dBackpropFilter(x, dy), same attrs. */
export const conv2dRule: GradientRule<Conv2DAttrs> = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [x, f], attrs, needs }) => [
    // The first layer's input (the image batch) needs no gradient: skip the costliest kernel.
    needs[0] ? conv2dBackpropInput(dy, f!, { ...attrs, inputShape: x!.shape }) : undefined,
    needs[1] ? conv2dBackpropFilter(x!, dy, { ...attrs, filterShape: f!.shape }) : undefined,
  ],
};

import { type Conv2DBackpropInputAttrs, conv2d, conv2dBackpropFilter } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * z = conv2dBackpropInput(u, f) = Cᵀu with C = conv2d(·, f), bilinear in (u, f). For upstream g
 * (shaped like the conv input): ⟨g, Cᵀu⟩ = ⟨conv2d(g, f), u⟩, so du = conv2d(g, f) and
 * df = conv2dBackpropFilter(g, u).
 */
export const conv2dBackpropInputRule: GradientRule<Conv2DBackpropInputAttrs> = {
  save: { inputs: 'all' },
  backward: (g, { inputs: [u, f], attrs: { strides, pads, dilations } }) => [
    conv2d(g, f!, { strides, padding: pads, dilations }),
    conv2dBackpropFilter(g, u!, { strides, pads, dilations, filterShape: f!.shape }),
  ],
};

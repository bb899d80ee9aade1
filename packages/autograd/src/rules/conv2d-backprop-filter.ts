import { type Conv2DBackpropFilterAttrs, conv2d, conv2dBackpropInput } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * z = conv2dBackpropFilter(x, u), bilinear in (x, u). For upstream g (shaped like the filter):
 * ⟨g, z⟩ = ⟨u, conv2d(x, g)⟩, so du = conv2d(x, g) and dx = conv2dBackpropInput(u, g).
 */
export const conv2dBackpropFilterRule: GradientRule<Conv2DBackpropFilterAttrs> = {
  save: { inputs: 'all' },
  backward: (g, { inputs: [x, u], attrs: { strides, pads, dilations } }) => [
    conv2dBackpropInput(u!, g, { strides, pads, dilations, inputShape: x!.shape }),
    conv2d(x!, g, { strides, padding: pads, dilations }),
  ],
};

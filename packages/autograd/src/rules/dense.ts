import { type DenseAttrs, matmul, reluGrad, sum } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * For the fused `dense`, y = act(z), z = x·W + b: dz = dy where y > 0 for ReLU (y > 0 exactly
 * where z > 0, so the output serves, as the relu rule's input does) and dy for linear; then
 * dx = dz·Wᵀ, dW = xᵀ·dz (transposes are flags), db = Σ_rows dz. Only needed gradients are
 * computed: a network's input batch gets none.
 */
export const denseRule: GradientRule<DenseAttrs> = {
  save: { inputs: [0, 1], output: true },
  backward: (dy, { inputs: [x, w], output, attrs, needs }) => {
    const dz = attrs.activation === 'relu' ? reluGrad(dy, output!) : dy;
    return [
      needs[0] ? matmul(dz, w!, { transposeB: true }) : undefined,
      needs[1] ? matmul(x!, dz, { transposeA: true }) : undefined,
      needs[2] ? sum(dz, 0) : undefined,
    ];
  },
};

import { reluGrad } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/** For the fused `relu`: dx = dy where x > 0 (slope 0 at 0, as PyTorch and TF), one pass via `reluGrad`. */
export const reluRule: GradientRule = {
  save: { inputs: [0] },
  backward: (dy, { inputs: [x] }) => [reluGrad(dy, x!)],
};

import { expandDims, logSoftmax, mul, neg, softmax, sub, sum } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * For the fused `softmaxCrossEntropy(z, t) = -Σ t·logSoftmax(z)` over the last axis:
 * dz = (softmax(z)·Σt - t)·dy (softmax(z) - t for distributions), dt = -logSoftmax(z)·dy.
 * Recording the fused op whole lets its one-pass kernel run in training.
 */
export const softmaxCrossEntropyRule: GradientRule = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [z, t], needs }) => {
    const g = expandDims(dy, -1);
    return [
      needs[0] ? mul(sub(mul(softmax(z!), sum(t!, -1, true)), t!), g) : undefined,
      needs[1] ? mul(neg(logSoftmax(z!)), g) : undefined,
    ];
  },
};

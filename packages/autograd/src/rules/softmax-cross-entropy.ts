import { expandDims, logSoftmax, mul, neg, softmaxCrossEntropyGrad } from '@descent/core';
import type { GradientRule } from '../gradient-rule';

/**
 * For the fused `softmaxCrossEntropy(z, t) = -Σ t·logSoftmax(z)` over the last axis:
 * dz = (softmax(z)·Σt - t)·dy (softmax(z) - t for distributions), itself a fused op
 * (`softmaxCrossEntropyGrad`), and dt = -logSoftmax(z)·dy. Recording the fused op whole lets its
 * one-pass kernel run in training.
 */
export const softmaxCrossEntropyRule: GradientRule = {
  save: { inputs: 'all' },
  backward: (dy, { inputs: [z, t], needs }) => [
    needs[0] ? softmaxCrossEntropyGrad(z!, t!, dy) : undefined,
    needs[1] ? mul(neg(logSoftmax(z!)), expandDims(dy, -1)) : undefined,
  ],
};

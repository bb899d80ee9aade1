import { abs, add, checkOptions, clip, exp, log, log1p, maximum, mean, mul, neg, sub } from '@descent/core';
import { bool } from '../internal/options';
import { type Loss, type LossOptions, makeLoss, sameShape, smoothing } from './loss';

/** Options of `binaryCrossentropy`. */
export interface BinaryCrossentropyOptions extends LossOptions {
  /** yPred holds logits rather than probabilities (more stable). Default false, as Keras. */
  fromLogits?: boolean;
  /** Targets move towards ½: y·(1 - s) + s/2. Default 0. */
  labelSmoothing?: number;
}

// Keras clips probabilities to [ε, 1 - ε] before the log.
const EPSILON = 1e-7;

/**
 * -(y·log p + (1 - y)·log(1 - p)) per element, averaged over the last axis, then over samples.
 * From logits z it is computed as max(z, 0) - z·y + log(1 + e^-|z|), finite for any z.
 *
 * @example
 * binaryCrossentropy({ fromLogits: true })(labels, logits);
 */
export function binaryCrossentropy(options: BinaryCrossentropyOptions = {}): Loss {
  checkOptions('binaryCrossentropy', options);
  const fromLogits = bool('binaryCrossentropy', 'fromLogits', options.fromLogits, false);
  const ls = smoothing('binaryCrossentropy', options.labelSmoothing);
  return makeLoss('binaryCrossentropy', options, { fromLogits, labelSmoothing: ls }, (yTrue, yPred) => {
    sameShape('binaryCrossentropy', yTrue, yPred);
    const y = ls > 0 ? add(mul(yTrue, 1 - ls), ls / 2) : yTrue;
    if (fromLogits) {
      const z = yPred;
      return mean(add(sub(maximum(z, 0), mul(z, y)), log1p(exp(neg(abs(z))))), -1);
    }
    const p = clip(yPred, EPSILON, 1 - EPSILON);
    return mean(neg(add(mul(y, log(p)), mul(sub(1, y), log(sub(1, p))))), -1);
  });
}

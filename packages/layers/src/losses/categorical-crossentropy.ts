import {
  add,
  checkOptions,
  clip,
  div,
  log,
  mul,
  neg,
  softmaxCrossEntropy,
  sum,
  type Tensor,
} from '@descent/core';
import { bool } from '../internal/options';
import { type Loss, type LossOptions, makeLoss, sameShape, smoothing } from './loss';

/** Options of `categoricalCrossentropy`. */
export interface CategoricalCrossentropyOptions extends LossOptions {
  /** yPred holds logits (recommended: computed by log-softmax, stable for any logits). Default false, as Keras. */
  fromLogits?: boolean;
  /** One-hot targets become y·(1 - s) + s/K over K classes. Default 0. */
  labelSmoothing?: number;
}

const EPSILON = 1e-7;

/** -Σ y·log softmax(z) over the last axis, from logits or probabilities. @internal */
export function crossentropyOf(y: Tensor, yPred: Tensor, fromLogits: boolean, ls: number): Tensor {
  const k = yPred.shape[yPred.rank - 1]!;
  const target = ls > 0 ? add(mul(y, 1 - ls), ls / k) : y;
  // From logits: core's fused op (one pass on the CPU backend, recorded whole by autograd).
  if (fromLogits) return softmaxCrossEntropy(yPred, target);
  const logp = log(clip(div(yPred, sum(yPred, -1, true)), EPSILON, 1 - EPSILON));
  return neg(sum(mul(target, logp), -1));
}

/**
 * Cross-entropy with one-hot (or soft) targets over the last axis, averaged over samples.
 * PyTorch's `cross_entropy(logits, probs, label_smoothing=s)` with `fromLogits`.
 *
 * @example
 * categoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 })(oneHotLabels, logits);
 */
export function categoricalCrossentropy(options: CategoricalCrossentropyOptions = {}): Loss {
  checkOptions('categoricalCrossentropy', options);
  const fromLogits = bool('categoricalCrossentropy', 'fromLogits', options.fromLogits, false);
  const ls = smoothing('categoricalCrossentropy', options.labelSmoothing);
  return makeLoss('categoricalCrossentropy', options, { fromLogits, labelSmoothing: ls }, (yTrue, yPred) => {
    sameShape('categoricalCrossentropy', yTrue, yPred);
    return crossentropyOf(yTrue, yPred, fromLogits, ls);
  });
}

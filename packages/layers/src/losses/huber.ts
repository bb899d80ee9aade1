import { abs, add, checkOptions, InvalidArgumentError, mean, minimum, mul, square, sub } from '@descent/core';
import { num } from '../internal/options';
import { type Loss, type LossOptions, makeLoss, sameShape } from './loss';

/** Options of `huber`. */
export interface HuberOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear (default 1). */
  delta?: number;
}

/**
 * ½e² for |e| ≤ delta, delta·(|e| - ½delta) beyond (e = yPred - yTrue), averaged over the last
 * axis, then over samples. PyTorch's `HuberLoss(delta)`.
 *
 * @example
 * huber({ delta: 0.5 })(yTrue, yPred);
 */
export function huber(options: HuberOptions = {}): Loss {
  checkOptions('huber', options);
  const delta = num('huber', 'delta', options.delta, 1);
  if (!(delta > 0)) throw new InvalidArgumentError('huber', `delta must be > 0, got ${delta}`);
  return makeLoss('huber', options, { delta }, (yTrue, yPred) => {
    sameShape('huber', yTrue, yPred);
    const a = abs(sub(yPred, yTrue));
    const quad = minimum(a, delta);
    return mean(add(mul(square(quad), 0.5), mul(sub(a, quad), delta)), -1);
  });
}

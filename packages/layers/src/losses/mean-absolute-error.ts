import { abs, checkOptions, mean, sub } from '@descent/core';
import { type Loss, type LossOptions, makeLoss, sameShape } from './loss';

/**
 * Mean of |yPred - yTrue| over the last axis, then over samples.
 *
 * @example
 * meanAbsoluteError()(yTrue, yPred);
 */
export function meanAbsoluteError(options: LossOptions = {}): Loss {
  checkOptions('meanAbsoluteError', options);
  return makeLoss('meanAbsoluteError', options, {}, (yTrue, yPred) => {
    sameShape('meanAbsoluteError', yTrue, yPred);
    return mean(abs(sub(yPred, yTrue)), -1);
  });
}

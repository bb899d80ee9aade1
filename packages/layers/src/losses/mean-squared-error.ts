import { checkOptions, mean, square, sub } from '@descent/core';
import { type Loss, type LossOptions, makeLoss, sameShape } from './loss';

/**
 * Mean of (yPred - yTrue)² over the last axis, then over samples.
 *
 * @example
 * meanSquaredError()(yTrue, yPred);
 */
export function meanSquaredError(options: LossOptions = {}): Loss {
  checkOptions('meanSquaredError', options);
  return makeLoss('meanSquaredError', options, {}, (yTrue, yPred) => {
    sameShape('meanSquaredError', yTrue, yPred);
    return mean(square(sub(yPred, yTrue)), -1);
  });
}

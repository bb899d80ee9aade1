import { mul } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { type EmptyState, stateless } from '../stateless';

/**
 * Multiplies every update by a constant `factor`.
 *
 * @example
 * chain(scaleByAdam(), scale(-1e-3)); // what scaleByLearningRate(1e-3) does
 */
export function scale(factor: number): GradientTransform<EmptyState> {
  checkHyperparam('scale', 'factor', factor, 'finite');
  return stateless('scale', (g, { scalar }) => mul(g, scalar(factor)));
}

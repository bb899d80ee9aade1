import { div, maximum, mul, sqrt, square, sum } from '@descent/core';
import type { GradientTransform } from '../gradient-transform';
import { checkHyperparam } from '../internal/hyperparams';
import { type EmptyState, stateless } from '../stateless';

/**
 * Rescales each parameter's update on its own so its L2 norm is at most `maxNorm`:
 * `g · maxNorm / max(‖g‖, maxNorm)`. Computed on the backend, nothing is read back.
 *
 * @example
 * chain(clipByNorm(1), scaleByLearningRate(0.1));
 */
export function clipByNorm(maxNorm: number): GradientTransform<EmptyState> {
  const name = 'clipByNorm';
  checkHyperparam(name, 'maxNorm', maxNorm, 'positive');
  return stateless(name, (g, { scalar }) => {
    const max = scalar(maxNorm);
    return mul(g, div(max, maximum(sqrt(sum(square(g))), max)));
  });
}
